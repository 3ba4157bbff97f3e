import "./lean-wasm";
import { processSingleton } from "@/lib/process-singleton";
import { DATABASE_BUSY_WAIT_MS } from "./database-busy";
import { PrismaClient } from "./generated/client";
import { restrictDatabaseFiles } from "./open-sqlite";
import { databaseFile } from "./paths";
import { postgresUrl } from "./provider";
import { sqliteAdapter } from "./sqlite-adapter";
import { workerSqliteAdapter } from "./worker-sqlite-adapter";

function sqliteClient(): PrismaClient {
  const file = databaseFile();
  restrictDatabaseFiles(file);
  // Starting a transaction may wait DATABASE_BUSY_WAIT_MS for another process's lock (sqlite-adapter.ts).
  // Prisma must wait longer than that: a start it gave up on would still succeed later, and that
  // transaction, owned by no one, would keep the write lock for good.
  const transactionOptions = { maxWait: 2 * DATABASE_BUSY_WAIT_MS };
  // DEPLOYLENS_SQLITE_THREAD=on moves the server's SQLite calls off its event loop (worker-sqlite-adapter.ts).
  // It is off by default: every query then crosses between threads twice, and on a busy 2-core machine those
  // crossings cost more than the calls they move (docs/performance.md). The CLI and scripts never use it.
  const onThread = process.env.NEXT_RUNTIME === "nodejs" && process.env.DEPLOYLENS_SQLITE_THREAD === "on";
  const adapter = onThread ? workerSqliteAdapter(file) : sqliteAdapter(file);
  return new PrismaClient({ adapter, transactionOptions });
}

// PostgreSQL's client and driver are loaded only when DATABASE_URL names PostgreSQL: a process on SQLite (every
// CLI run by default) parses neither.
const url = postgresUrl();
const postgresClient = url ? (await import("./postgres-client")).postgresClient : null;

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
export const prisma: PrismaClient = processSingleton("deploylensPrisma", () =>
  url && postgresClient ? postgresClient(url) : sqliteClient(),
);
