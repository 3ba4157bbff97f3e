import { randomUUID } from "node:crypto";
import pg from "pg";
import { readMigrations, refuseEditedOrFailed, type MigrateResult } from "./migrate";
import { migrationsDir } from "./paths";
import { redactedUrl } from "./provider";

// Prisma Migrate's own history table, in its PostgreSQL form.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Any fixed number: every instance that starts takes this session lock, so one migrates and the others wait. */
const MIGRATION_LOCK = 7_420_240_024;

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null };

async function applyOne(client: pg.Client, name: string, sql: string, checksum: string) {
  const id = randomUUID();
  // PostgreSQL's DDL is transactional: each migration and its history row commit together, or neither does.
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, checksum, name],
    );
    await client.query(sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
      id,
    ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * Applies pending PostgreSQL migrations (prisma/migrations-postgresql) in name order, under an advisory lock
 * so that instances starting together migrate once; idempotent; refuses an applied migration whose file changed.
 */
export async function migratePostgres(url: string, dir = migrationsDir("postgresql")): Promise<MigrateResult> {
  const files = readMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));
    const target = redactedUrl(url);
    refuseEditedOrFailed(files, applied, target, "prisma/migrations-postgresql");
    const pending = files.filter((migration) => !applied.has(migration.name));
    for (const m of pending) await applyOne(client, m.name, m.sql, m.checksum);
    return { file: target, applied: pending.map((m) => m.name), alreadyApplied: files.length - pending.length };
  } finally {
    await client.end();
  }
}
