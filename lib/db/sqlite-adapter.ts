import { pathToFileURL } from "node:url";
import { createClient, type Client, type Config } from "@libsql/client";
import { PrismaLibSql } from "@prisma/adapter-libsql";
import { waitWhileBusy } from "./database-busy";

type Adapter = Awaited<ReturnType<PrismaLibSql["connect"]>>;

/**
 * libSQL's calls into SQLite are synchronous, in this process: a busy timeout inside SQLite would stop the
 * event loop (every request, every collection's SSH timers) for as long as another process holds the write
 * lock. So SQLite itself never waits (timeout 0) and a locked database is retried here, after asynchronous
 * pauses, for up to DATABASE_BUSY_WAIT_MS; other queries run in between.
 */
const NO_WAIT_IN_SQLITE = 0;

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE), not at their first write: a busy
 * database then fails the BEGIN, which is retried as a whole, never a half-run transaction whose read
 * snapshot went stale.
 */
class ImmediateTransactionsLibSql extends PrismaLibSql {
  override createClient(config: Config): Client {
    const client = createClient(config);
    const begin = client.transaction.bind(client);
    client.transaction = () => begin("write");
    return client;
  }
}

function waitingWhileBusy(adapter: Adapter): Adapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => waitWhileBusy(() => adapter.queryRaw(query)),
    executeRaw: (query) => waitWhileBusy(() => adapter.executeRaw(query)),
    executeScript: (script) => waitWhileBusy(() => adapter.executeScript(script)),
    startTransaction: (isolationLevel) => waitWhileBusy(() => adapter.startTransaction(isolationLevel)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
  };
}

/** Prisma's libSQL adapter for an SQLite file, embedded in this process (no server). */
export function sqliteAdapter(file: string) {
  const libsql = new ImmediateTransactionsLibSql({ url: pathToFileURL(file).href, timeout: NO_WAIT_IN_SQLITE });
  return {
    provider: "sqlite" as const,
    adapterName: libsql.adapterName,
    connect: async () => waitingWhileBusy(await libsql.connect()),
  };
}
