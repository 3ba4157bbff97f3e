import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";
import Database from "libsql";
import type { FileRow } from "@/lib/analysis/file-rows";
import { FILE_INDEX_FORMAT, FILE_INDEX_TABLES } from "./file-index-schema";

// Inserts are synchronous: the event loop gets a turn between batches, so pages keep answering during a build.
const BATCH = 5_000;

/**
 * Writes a blob's file index to `file` once: into a private temporary file beside it (no journal, no syncing
 * while it fills: nobody reads it yet), flushed to disk, then renamed over `file` in one step. Readers see no
 * index or a whole one; two processes building the same blob write the same rows, and either rename wins.
 * Owner-only, like the database: it lists every path of a target.
 */
export async function writeFileIndex(file: string, rows: Iterable<FileRow>): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${randomUUID()}.tmp`;
  fs.closeSync(fs.openSync(temp, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_RDWR, 0o600));
  try {
    const db = new Database(temp);
    try {
      await fill(db, rows);
    } finally {
      db.close();
    }
    const fd = fs.openSync(temp, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

async function fill(db: Database.Database, rows: Iterable<FileRow>): Promise<void> {
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec("BEGIN");
  for (const sql of FILE_INDEX_TABLES) db.exec(sql);
  const insert = db.prepare("INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  const addRoot = db.prepare("INSERT INTO roots VALUES (?, ?)");
  const roots = new Map<string, number>();
  let n = 0;
  for (const row of rows) {
    let root = roots.get(row.root);
    if (root === undefined) {
      roots.set(row.root, (root = roots.size));
      addRoot.run(root, row.root);
    }
    const haystack = `${row.root}/${row.path}`.toLowerCase();
    insert.run(n++, root, row.path, row.status, row.blocked ? 1 : 0, row.pycPath, row.reason, haystack);
    if (n % BATCH === 0) await nextTurn();
  }
  const meta = db.prepare("INSERT INTO meta VALUES (?, ?)");
  meta.run("rows", String(n));
  meta.run("format", FILE_INDEX_FORMAT);
  db.exec("COMMIT");
}
