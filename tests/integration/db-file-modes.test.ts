import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { openSqlite } from "@/lib/db/open-sqlite";
import { migrationsDir } from "@/lib/db/paths";
import { tempDir } from "../support/temp-dir";

// Credentials and inventories live in these files: owner-only, whatever the umask says.
const temp = tempDir("deploylens-modes-");
const migrations = migrationsDir();
const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);
let savedUmask: number;
const savedEnv = { home: process.env.DEPLOYLENS_HOME, url: process.env.DATABASE_URL };

beforeAll(() => {
  savedUmask = process.umask(0o022);
});
afterAll(() => {
  process.umask(savedUmask);
  if (savedEnv.home === undefined) delete process.env.DEPLOYLENS_HOME;
  else process.env.DEPLOYLENS_HOME = savedEnv.home;
  if (savedEnv.url === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedEnv.url;
  temp.remove();
});

test("the default data/ folder is created 0700 and the database 0600", () => {
  process.env.DEPLOYLENS_HOME = path.join(temp.dir, "home");
  delete process.env.DATABASE_URL;
  const result = migrate({ dir: migrations });
  expect(result.file).toBe(path.join(temp.dir, "home", "data", "deploylens.db"));
  expect(mode(path.join(temp.dir, "home", "data"))).toBe("700");
  expect(mode(result.file)).toBe("600");
});

test("a DATABASE_URL elsewhere gets the same modes, WAL and SHM files included", () => {
  const file = path.join(temp.dir, "elsewhere", "deep", "dl.db");
  process.env.DATABASE_URL = `file:${file}`;
  migrate({ dir: migrations });
  expect(mode(path.dirname(file))).toBe("700");
  const db = openSqlite(file);
  try {
    db.prepare(`INSERT INTO "InventoryBlob" (sha256, rawBytes, data) VALUES ('x', 1, x'00')`).run();
    for (const name of [file, `${file}-wal`, `${file}-shm`]) expect([name, mode(name)]).toEqual([name, "600"]);
  } finally {
    db.close();
  }
});

test("a database file left readable by others is tightened when opened", () => {
  const file = path.join(temp.dir, "lax.db");
  fs.writeFileSync(file, "", { mode: 0o644 });
  expect(mode(file)).toBe("644");
  openSqlite(file).close();
  expect(mode(file)).toBe("600");
});
