import { execFileSync } from "node:child_process";
import Libsql from "libsql";

type Row = Record<string, unknown>;

/** libSQL adds a `_metadata` field to each row; tests compare rows as the plain objects SQLite returned. */
function plain(row: unknown): unknown {
  if (typeof row !== "object" || row === null) return row;
  const { _metadata: _ignored, ...columns } = row as Row;
  return columns;
}

/**
 * A test's own connection to an app's SQLite file, through the same driver as the app, shaped like the
 * better-sqlite3 API the tests were written against (prepare → get/all/run, pragma, exec, close).
 * `readonly` is enforced by SQLite (`PRAGMA query_only`), so a test that only looks cannot write.
 */
export default class Database {
  readonly #db: Libsql.Database;

  constructor(file: string, options: { readonly?: boolean } = {}) {
    this.#db = new Libsql(file, { timeout: 5000 });
    if (options.readonly) this.#db.exec("PRAGMA query_only = ON");
  }

  prepare(sql: string) {
    const statement = this.#db.prepare(sql);
    return {
      get: (...params: unknown[]) => plain(statement.get(...params)),
      all: (...params: unknown[]) => statement.all(...params).map(plain),
      run: (...params: unknown[]) => statement.run(...params),
    };
  }

  /** `simple` returns the first column of the first row, as better-sqlite3 does. */
  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const rows = this.prepare(`PRAGMA ${source}`).all() as Row[];
    return options.simple ? Object.values(rows[0] ?? {})[0] : rows;
  }

  exec(sql: string): void {
    this.#db.exec(sql);
  }

  close(): void {
    this.#db.close();
  }
}

/**
 * A database file's raw bytes (to show a secret is not in it), read by another process: closing a descriptor
 * of the file in this one would drop this process's SQLite locks on it (lib/db/open-sqlite.ts says why that
 * loses writes).
 */
export function databaseFileBytes(file: string): Buffer {
  return execFileSync("cat", ["--", file], { maxBuffer: 2 ** 30 });
}
