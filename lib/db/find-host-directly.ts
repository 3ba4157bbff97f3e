import type { Host } from "./generated/client";
import { decodeHost, type HostRow } from "./host-columns";
import { openSqlite } from "./open-sqlite";
import { databaseFile } from "./paths";

// SQLite keeps Prisma's Boolean columns as 0/1 and its DateTime columns as ISO text.
const BOOLEAN_COLUMNS = ["acceptNextHostKey", "measureStartup"] as const;
const DATE_COLUMNS = ["createdAt", "updatedAt"] as const;

/**
 * A saved host by id or by name, read from the SQLite file with a direct connection rather than through
 * Prisma: the CLI reads the host it collects this way to connect while Prisma's query engine still loads.
 * The row is the one findHost returns (the collection compares the two and keeps the connection only when
 * they are equal). SQLite only: with PostgreSQL there is no file to read.
 */
export function findHostDirectly(idOrName: string): HostRow | null {
  const db = openSqlite(databaseFile());
  try {
    const statement = db.prepare(`SELECT * FROM "Host" WHERE "id" = ? OR "name" = ? LIMIT 1`);
    const found = statement.get(idOrName, idOrName) as Record<string, unknown> | undefined;
    if (!found) return null;
    // The columns only: libSQL adds its own fields (a query's timing) to the rows it returns.
    const row = Object.fromEntries(statement.columns().map(({ name }) => [name, found[name]]));
    for (const column of BOOLEAN_COLUMNS) row[column] = row[column] === 1;
    for (const column of DATE_COLUMNS) row[column] = new Date(row[column] as string);
    return decodeHost(row as Host);
  } finally {
    db.close();
  }
}
