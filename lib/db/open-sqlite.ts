import fs from "node:fs";
import path from "node:path";
import Database from "libsql";

/**
 * How long a direct, synchronous connection (the migration runner at start-up, scripts, tests) waits for
 * another process's write lock. The dashboard's own queries never wait inside SQLite: see sqlite-adapter.ts.
 */
export const BUSY_TIMEOUT_MS = 5000;

export type SqliteDatabase = Database.Database;

/**
 * The database holds encrypted credentials and every target's file inventory: only its owner may read it.
 * Its folder is created 0700 and the file 0600 before SQLite opens it; SQLite gives the -wal and -shm
 * files the database file's mode, and files left from an older, laxer version are tightened here.
 */
export function restrictDatabaseFiles(file: string): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_RDWR, 0o600));
  // turbopackIgnore: the database lives wherever DATABASE_URL says, outside what the build should trace.
  for (const name of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if ((fs.statSync(/*turbopackIgnore: true*/ name).mode & 0o077) !== 0) fs.chmodSync(name, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

/**
 * Opens (creating it and its folder if needed, owner-only) a SQLite file in WAL mode with a busy timeout.
 * Its calls are synchronous: use it where nothing else waits on the event loop (start-up, scripts).
 */
export function openSqlite(file: string): SqliteDatabase {
  restrictDatabaseFiles(file);
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  // WAL lets the dashboard read while a collection writes; the mode is stored in the file itself.
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return db;
}
