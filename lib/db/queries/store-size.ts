import "server-only";
import { prisma } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/provider";
import { sqliteStoreBytes } from "@/lib/db/sqlite-store-size";

/** Bytes the store occupies: the SQLite file and its log, or the PostgreSQL database as the server counts it. */
export async function storeSizeBytes(): Promise<number> {
  if (databaseProvider() === "sqlite") return sqliteStoreBytes();
  const [row] = await prisma.$queryRaw<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS bytes`;
  return Number(row?.bytes ?? 0);
}
