import { migrate, type MigrateResult } from "./migrate";
import { databaseFile } from "./paths";
import { postgresUrl } from "./provider";

// One migration per database and process: `collect NAME` brings the database up to date before it starts its
// collector early (lib/jobs/early-collector.ts), then again as every command does.
const migrations = new Map<string, Promise<MigrateResult>>();

async function migrateNow(url: string | null): Promise<MigrateResult> {
  if (!url) return migrate();
  // Loaded only for PostgreSQL: an SQLite CLI run never loads the `pg` driver for its migrations.
  const { migratePostgres } = await import("./migrate-postgresql");
  return migratePostgres(url);
}

/** Brings the database DATABASE_URL names up to date, whichever provider it is, once per process. */
export function migrateDatabase(): Promise<MigrateResult> {
  const url = postgresUrl();
  const key = url ?? databaseFile();
  let migration = migrations.get(key);
  if (!migration) {
    migration = migrateNow(url);
    migrations.set(key, migration);
    // A failed migration is tried again by the next caller.
    migration.catch(() => migrations.delete(key));
  }
  return migration;
}
