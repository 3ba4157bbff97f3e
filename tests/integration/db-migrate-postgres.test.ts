import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { MigrationError, readMigrations } from "@/lib/db/migrate";
import { migratePostgres } from "@/lib/db/migrate-postgresql";
import { migrationsDir } from "@/lib/db/paths";
import { postgresMissing, startPostgres, type RunningPostgres } from "../support/postgres";
import { tempDir } from "../support/temp-dir";

// db-migrate.test.ts on PostgreSQL: the same guarantees from prisma/migrations-postgresql.
describe.skipIf(postgresMissing)(
  `PostgreSQL migrations are applied${postgresMissing ? ` (${postgresMissing})` : ""}`,
  () => {
    const temp = tempDir("deploylens-migrate-pg-");
    let server: RunningPostgres | undefined;
    let databases = 0;
    const fresh = () => server!.createDatabase(`migrate${++databases}`);
    beforeAll(async () => {
      server = await startPostgres();
    });
    afterAll(async () => {
      await server?.stop();
      temp.remove();
    });

    const query = async <T extends pg.QueryResultRow>(url: string, sql: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query<T>(sql)).rows;
      } finally {
        await client.end();
      }
    };
    const history = (url: string) =>
      query<{ checksum: string; migration_name: string; finished_at: Date | null; applied_steps_count: number }>(
        url,
        `SELECT checksum, migration_name, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
      );
    const tables = (url: string) =>
      query<{ table_name: string }>(
        url,
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );

    test("a fresh database gets every migration, recorded as Prisma records them", async () => {
      const url = await fresh();
      const dir = migrationsDir("postgresql");
      const files = readMigrations(dir);
      expect(files.length).toBeGreaterThan(0);
      expect((await migratePostgres(url)).applied).toEqual(files.map((m) => m.name));
      const rows = await history(url);
      expect(rows.map((r) => r.migration_name)).toEqual(files.map((m) => m.name));
      for (const row of rows) {
        const sql = fs.readFileSync(path.join(dir, row.migration_name, "migration.sql"));
        expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
        expect(row.finished_at).not.toBeNull();
        expect(row.applied_steps_count).toBe(1);
      }
    });

    test("instances starting together migrate once; migrating again changes nothing", async () => {
      const url = await fresh();
      const results = await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
      expect(results.map((r) => r.applied.length > 0).filter(Boolean)).toHaveLength(1);
      const before = { history: await history(url), tables: await tables(url) };
      expect((await migratePostgres(url)).applied).toEqual([]);
      expect({ history: await history(url), tables: await tables(url) }).toEqual(before);
    });

    test("migrating an existing database keeps its rows", async () => {
      const url = await fresh();
      await migratePostgres(url);
      await query(
        url,
        `INSERT INTO "Host" (id, name, transport, "appRoots", "updatedAt") VALUES ('h1', 'vps', 'local', '["/opt/app"]', now())`,
      );
      await migratePostgres(url);
      expect(await query(url, `SELECT name FROM "Host"`)).toEqual([{ name: "vps" }]);
    });

    test("an applied migration whose file changed is refused with a clear message", async () => {
      const dir = path.join(temp.dir, "edited");
      fs.cpSync(migrationsDir("postgresql"), dir, { recursive: true });
      const url = await fresh();
      await migratePostgres(url, dir);
      const [first] = readMigrations(dir);
      fs.appendFileSync(path.join(dir, first!.name, "migration.sql"), "\n-- edited after it was applied\n");
      await expect(migratePostgres(url, dir)).rejects.toThrow(MigrationError);
      await expect(migratePostgres(url, dir)).rejects.toThrow(
        new RegExp(`Migration ${first!.name} was changed after it was applied`),
      );
    });

    test("a pending migration that fails leaves no trace, and the next start retries it", async () => {
      const dir = path.join(temp.dir, "broken");
      fs.cpSync(migrationsDir("postgresql"), dir, { recursive: true });
      fs.mkdirSync(path.join(dir, "99990101000000_broken"));
      fs.writeFileSync(
        path.join(dir, "99990101000000_broken", "migration.sql"),
        `CREATE TABLE "Extra" ("id" TEXT);\nSELECT * FROM no_such_table;`,
      );
      const url = await fresh();
      await expect(migratePostgres(url, dir)).rejects.toThrow(/no_such_table/);
      const names = (await tables(url)).map((t) => t.table_name);
      expect(names).not.toContain("Extra");
      expect(names).toContain("Host");
      expect((await history(url)).map((r) => r.migration_name)).not.toContain("99990101000000_broken");
    });
  },
);
