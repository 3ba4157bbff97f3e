import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFile, migrationsDir } from "./paths";
import { openSqlite, type SqliteDatabase } from "./open-sqlite";

// The same table Prisma Migrate keeps, so `prisma migrate status` and DeployLens agree on history.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override name = "MigrationError";
}

export type MigrationFile = { name: string; sql: string; checksum: string };
/** `file` is where the migrations went: the SQLite file, or the PostgreSQL URL without its password. */
export type MigrateResult = { file: string; applied: string[]; alreadyApplied: number };

export function readMigrations(dir = migrationsDir()): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

type AppliedRow = { migration_name: string; checksum: string; finished_at: string | null };

function appliedMigrations(db: SqliteDatabase): Map<string, AppliedRow> {
  const rows = db
    .prepare(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`)
    .all() as AppliedRow[];
  return new Map(rows.map((row) => [row.migration_name, row]));
}

/** Refuses to go on when an applied migration never finished or its file changed since (any provider). */
export function refuseEditedOrFailed(
  files: MigrationFile[],
  applied: Map<string, Omit<AppliedRow, "finished_at"> & { finished_at: unknown }>,
  dbFile: string,
  dir = "prisma/migrations",
) {
  for (const file of files) {
    const row = applied.get(file.name);
    if (!row) continue;
    if (row.finished_at === null) {
      throw new MigrationError(
        `Migration ${file.name} started on ${dbFile} but never finished. Restore a backup of the database, or delete its row from _prisma_migrations once the schema is repaired.`,
      );
    }
    if (row.checksum !== file.checksum) {
      throw new MigrationError(
        `Migration ${file.name} was changed after it was applied to ${dbFile} (checksum ${row.checksum.slice(0, 12)}… now ${file.checksum.slice(0, 12)}…). Restore ${dir}/${file.name}/migration.sql and put schema changes in a new migration.`,
      );
    }
  }
}

function applyOne(db: SqliteDatabase, file: MigrationFile) {
  const now = () => new Date().toISOString();
  const id = randomUUID();
  // Each migration and its history row commit together, or neither does.
  db.transaction(() => {
    db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`,
    ).run(id, file.checksum, file.name, now());
    db.exec(file.sql);
    db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(now(), id);
  })();
}

/** Applies pending migrations in name order; idempotent; refuses an applied migration whose file changed. */
export function migrate(options: { file?: string; dir?: string } = {}): MigrateResult {
  const file = options.file ?? databaseFile();
  const files = readMigrations(options.dir);
  const db = openSqlite(file);
  try {
    db.exec(MIGRATIONS_TABLE);
    const applied = appliedMigrations(db);
    refuseEditedOrFailed(files, applied, file);
    const pending = files.filter((migration) => !applied.has(migration.name));
    for (const migration of pending) applyOne(db, migration);
    return { file, applied: pending.map((m) => m.name), alreadyApplied: files.length - pending.length };
  } finally {
    db.close();
  }
}
