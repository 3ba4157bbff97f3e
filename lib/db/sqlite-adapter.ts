import { pathToFileURL } from "node:url";
import type { Client, Config, InStatement, Transaction } from "@libsql/client";
// The file-only client: the package's main entry also loads its HTTP and WebSocket clients, which a local
// SQLite file never uses (about 75 ms of every CLI run).
import { createClient } from "@libsql/client/sqlite3";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { isDatabaseBusy, waitWhileBusy } from "./database-busy";
import { committing, trackStoreFile } from "./store-version";

type Adapter = Awaited<ReturnType<PrismaLibSql["connect"]>>;

/**
 * libSQL's calls into SQLite are synchronous, in this process: a busy timeout inside SQLite would stop the
 * event loop (every request, every collection's SSH timers) for as long as another process holds the write
 * lock. So SQLite itself never waits (timeout 0) and a locked database is retried here, after asynchronous
 * pauses, for up to DATABASE_BUSY_WAIT_MS; other queries run in between.
 */
const NO_WAIT_IN_SQLITE = 0;

const WRITE_STATEMENT = /^\s*(INSERT|UPDATE|DELETE|REPLACE)\b/i;

/**
 * SQLite's default makes every COMMIT wait for the disk (fsync), milliseconds each, and libSQL's calls
 * block the event loop meanwhile. In WAL mode NORMAL syncs at checkpoints only: a crash of the process
 * loses nothing, a power cut may lose the last commits but never corrupts the file (SQLite's documented
 * trade-off for WAL, which SQLite itself recommends).
 */
export const WAL_COMMITS_WITHOUT_FSYNC = "PRAGMA synchronous = NORMAL";

/**
 * Writes take the write lock first (BEGIN IMMEDIATE), in transactions and alone, so a locked database
 * fails at BEGIN and the whole call is retried; a transaction never needs a retry half-way, on a stale
 * read snapshot. A statement that failed as busy is left unfinished by the driver on its pooled connection
 * (until garbage collection), and that connection could then never COMMIT ("SQL statements in progress"):
 * after a busy error every connection is closed and reopened. No other call is under way on this client
 * then, as Prisma's adapter runs one call, or one transaction, at a time.
 */
class WriteLockFirstLibSql extends PrismaLibSql {
  override createClient(config: Config): Client {
    const client = createClient(config);
    const execute = client.execute.bind(client);
    const beginOnCurrentConnection = client.transaction.bind(client);
    // A transaction takes the client's current connection, so the setting made on it just before applies to
    // that transaction's COMMIT (the client opens connections itself, with no hook to set it once each).
    const begin = async (mode: "write") => {
      await execute(WAL_COMMITS_WITHOUT_FSYNC);
      return beginOnCurrentConnection(mode);
    };
    const reopenWhenBusy = async <T>(call: () => Promise<T>): Promise<T> => {
      try {
        return await call();
      } catch (error) {
        if (isDatabaseBusy(error)) await client.reconnect();
        throw error;
      }
    };
    const writeAlone = async (statement: InStatement) => {
      const transaction = await begin("write");
      try {
        const result = await transaction.execute(statement);
        await committing([sqlOf(statement)], () => transaction.commit());
        return result;
      } finally {
        transaction.close();
      }
    };
    client.transaction = () => reopenWhenBusy(async () => recordingWrites(await begin("write")));
    client.execute = (statement: InStatement) =>
      reopenWhenBusy(() =>
        WRITE_STATEMENT.test(typeof statement === "string" ? statement : statement.sql)
          ? writeAlone(statement)
          : execute(statement),
      );
    return client;
  }
}

const sqlOf = (statement: InStatement): string => (typeof statement === "string" ? statement : statement.sql);

/** A transaction whose COMMIT tells the store version what it wrote (store-version.ts). */
function recordingWrites(transaction: Transaction): Transaction {
  const statements: string[] = [];
  const execute = transaction.execute.bind(transaction);
  const commit = transaction.commit.bind(transaction);
  transaction.execute = (statement: InStatement) => {
    statements.push(sqlOf(statement));
    return execute(statement);
  };
  transaction.commit = () => committing(statements, commit);
  return transaction;
}

function waitingWhileBusy(adapter: Adapter): Adapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => waitWhileBusy(() => adapter.queryRaw(query)),
    executeRaw: (query) => waitWhileBusy(() => adapter.executeRaw(query)),
    executeScript: (script) => committing([script], () => waitWhileBusy(() => adapter.executeScript(script))),
    startTransaction: (isolationLevel) => waitWhileBusy(() => adapter.startTransaction(isolationLevel)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  };
}

/** Prisma's libSQL adapter for an SQLite file, embedded in this process (no server). */
export function sqliteAdapter(file: string) {
  trackStoreFile(file);
  const libsql = new WriteLockFirstLibSql({ url: pathToFileURL(file).href, timeout: NO_WAIT_IN_SQLITE });
  return {
    provider: "sqlite" as const,
    adapterName: libsql.adapterName,
    connect: async () => waitingWhileBusy(await libsql.connect()),
  };
}
