import "./lean-wasm";
import { processSingleton } from "@/lib/process-singleton";
import { DATABASE_BUSY_WAIT_MS } from "./database-busy";
import { PrismaClient } from "./generated/client";
import { restrictDatabaseFiles } from "./open-sqlite";
import { databaseFile } from "./paths";
import { postgresUrl } from "./provider";
import { sqliteAdapter } from "./sqlite-adapter";

function sqliteClient(): PrismaClient {
  const file = databaseFile();
  restrictDatabaseFiles(file);
  // Starting a transaction may wait DATABASE_BUSY_WAIT_MS for another process's lock (sqlite-adapter.ts).
  // Prisma must wait longer than that: a start it gave up on would still succeed later, and that
  // transaction, owned by no one, would keep the write lock for good.
  const transactionOptions = { maxWait: 2 * DATABASE_BUSY_WAIT_MS };
  return new PrismaClient({ adapter: sqliteAdapter(file), transactionOptions });
}

// PostgreSQL's client and driver are loaded only when DATABASE_URL names PostgreSQL: a process on SQLite (every
// CLI run by default) parses neither.
const url = postgresUrl();
const postgresClient = url ? (await import("./postgres-client")).postgresClient : null;

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
export const prisma: PrismaClient = processSingleton("deploylensPrisma", () =>
  url && postgresClient ? postgresClient(url) : sqliteClient(),
);
