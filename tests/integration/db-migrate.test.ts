import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, expect, test } from "vitest";
import { MigrationError, migrate, readMigrations } from "@/lib/db/migrate";
import { migrationsDir } from "@/lib/db/paths";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-migrate-");
afterAll(() => temp.remove());

const dump = (file: string) => {
  const db = new Database(file, { readonly: true });
  const schema = db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY name`).all();
  const history = db
    .prepare(
      `SELECT id, checksum, migration_name, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    )
    .all();
  db.close();
  return { schema, history };
};

test("a fresh database gets every migration, recorded as Prisma records them", () => {
  const file = path.join(temp.dir, "fresh.db");
  const result = migrate({ file });
  const files = readMigrations();
  expect(result.applied).toEqual(files.map((m) => m.name));
  const { history } = dump(file);
  expect(history).toHaveLength(files.length);
  for (const [i, row] of (
    history as { checksum: string; migration_name: string; finished_at: string; applied_steps_count: number }[]
  ).entries()) {
    const sql = fs.readFileSync(path.join(migrationsDir(), row.migration_name, "migration.sql"));
    expect(row.migration_name).toBe(files[i]!.name);
    // Prisma's checksum: SHA-256 of the migration file's bytes.
    expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    expect(row.finished_at).not.toBeNull();
    expect(row.applied_steps_count).toBe(1);
  }
  const db = new Database(file, { readonly: true });
  expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
  db.close();
});

test("migrating twice changes nothing", () => {
  const file = path.join(temp.dir, "twice.db");
  migrate({ file });
  const before = dump(file);
  const second = migrate({ file });
  expect(second.applied).toEqual([]);
  expect(dump(file)).toEqual(before);
});

test("migrating an existing database keeps its rows", () => {
  const file = path.join(temp.dir, "rows.db");
  migrate({ file });
  const db = new Database(file);
  db.prepare(
    `INSERT INTO Host (id, name, transport, appRoots, updatedAt) VALUES ('h1', 'vps', 'local', '["/opt/app"]', '2026-01-01')`,
  ).run();
  db.close();
  migrate({ file });
  const again = new Database(file, { readonly: true });
  expect(again.prepare(`SELECT name FROM Host`).all()).toEqual([{ name: "vps" }]);
  again.close();
});

test("an applied migration whose file changed is refused with a clear message", () => {
  const dir = path.join(temp.dir, "migrations");
  fs.cpSync(migrationsDir(), dir, { recursive: true });
  const file = path.join(temp.dir, "edited.db");
  migrate({ file, dir });
  const [first] = readMigrations(dir);
  fs.appendFileSync(path.join(dir, first!.name, "migration.sql"), "\n-- edited after it was applied\n");
  expect(() => migrate({ file, dir })).toThrow(MigrationError);
  expect(() => migrate({ file, dir })).toThrow(new RegExp(`Migration ${first!.name} was changed after it was applied`));
});

test("a pending migration that fails leaves no trace, and the next start retries it", () => {
  const dir = path.join(temp.dir, "broken");
  fs.cpSync(migrationsDir(), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, "99990101000000_broken"));
  fs.writeFileSync(
    path.join(dir, "99990101000000_broken", "migration.sql"),
    `CREATE TABLE "Extra" ("id" TEXT);\nSELECT * FROM no_such_table;`,
  );
  const file = path.join(temp.dir, "broken.db");
  expect(() => migrate({ file, dir })).toThrow(/no such table/);
  const db = new Database(file, { readonly: true });
  expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'Extra'`).all()).toEqual([]);
  expect(
    db.prepare(`SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = '99990101000000_broken'`).get(),
  ).toEqual({ n: 0 });
  db.close();
});
