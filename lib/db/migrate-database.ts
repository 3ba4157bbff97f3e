import { migrate, type MigrateResult } from "./migrate";
import { postgresUrl } from "./provider";

/** Brings the database DATABASE_URL names up to date, whichever provider it is. */
export async function migrateDatabase(): Promise<MigrateResult> {
  const url = postgresUrl();
  if (!url) return migrate();
  // Loaded only for PostgreSQL: an SQLite CLI run never loads the `pg` driver for its migrations.
  const { migratePostgres } = await import("./migrate-postgresql");
  return migratePostgres(url);
}
