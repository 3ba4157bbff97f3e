import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { openSqlite, restrictDatabaseFiles } from "@/lib/db/open-sqlite";
import { tempDir } from "../support/temp-dir";

// SQLite's shared lock is what tells another process that this one still uses the write-ahead log. POSIX
// drops all of a process's locks on a file when any descriptor of it is closed, so a stray open and close of
// the database file (as the mode check once did) made a running dashboard look absent: the next clean close
// elsewhere (here Python's sqlite3, as a backup script would) deleted the log, and later writes were lost.

const temp = tempDir("deploylens-locks-");
afterAll(() => temp.remove());

const countElsewhere = (file: string) =>
  Number(
    execFileSync("python3", [
      "-c",
      "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nprint(c.execute('SELECT count(*) FROM t').fetchone()[0])\nc.close()",
      file,
    ]).toString(),
  );

test("checking the file modes keeps this process's locks: a clean close elsewhere never loses its writes", () => {
  const file = path.join(temp.dir, "data", "deploylens.db");
  // As at start-up: the migration runner's connection, then the app's client after the mode check.
  const migrations = openSqlite(file);
  migrations.exec("CREATE TABLE t (x INTEGER)");
  migrations.prepare("SELECT count(*) FROM t").get();
  migrations.close();
  restrictDatabaseFiles(file);
  const app = openSqlite(file);
  try {
    app.prepare("INSERT INTO t VALUES (1)").run();
    expect(countElsewhere(file)).toBe(1);
    app.prepare("INSERT INTO t VALUES (2)").run();
    expect(countElsewhere(file)).toBe(2);
  } finally {
    app.close();
  }
});
