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
 * Creates the folder (0700) and the file (0600) when missing. An existing database file is never opened
 * here: closing any descriptor of a file drops every POSIX lock the process holds on it, SQLite's included,
 * and SQLite does not notice. A process that has lost its shared lock looks absent to the others, so the
 * next connection elsewhere to close cleanly (a CLI run, `sqlite3`, a backup script) would checkpoint and
 * delete the write-ahead log this process still writes to, and those writes would be lost.
 */
function createDatabaseFileIfMissing(file: string): void {
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_RDWR, 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

/**
 * The database holds encrypted credentials and every target's file inventory: only its owner may read it.
 * It is created owner-only before SQLite opens it; SQLite gives the -wal and -shm files the database
 * file's mode, and files left from an older, laxer version are tightened here (by path, never by opening).
 */
export function restrictDatabaseFiles(file: string): void {
  createDatabaseFileIfMissing(file);
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
