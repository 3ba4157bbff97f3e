import "./lean-wasm";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client";
import { BUSY_TIMEOUT_MS } from "./open-sqlite";
import { databaseFile } from "./paths";

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { deploylensPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: databaseFile(), timeout: BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter });
}

export const prisma: PrismaClient = globalForPrisma.deploylensPrisma ?? createClient();
globalForPrisma.deploylensPrisma = prisma;
