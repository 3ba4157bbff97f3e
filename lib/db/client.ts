import "./lean-wasm";
import { PrismaClient } from "./generated/client";
import { restrictDatabaseFiles } from "./open-sqlite";
import { databaseFile } from "./paths";
import { sqliteAdapter } from "./sqlite-adapter";

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { deploylensPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const file = databaseFile();
  restrictDatabaseFiles(file);
  return new PrismaClient({ adapter: sqliteAdapter(file) });
}

export const prisma: PrismaClient = globalForPrisma.deploylensPrisma ?? createClient();
globalForPrisma.deploylensPrisma = prisma;
