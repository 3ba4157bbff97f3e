import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export const BUSY_TIMEOUT_MS = 5000;

/** Opens (creating its folder if needed) a SQLite file in WAL mode with a busy timeout. */
export function openSqlite(file: string): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  // WAL lets the dashboard read while a collection writes; the mode is stored in the file itself.
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return db;
}
