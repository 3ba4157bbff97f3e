import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "libsql";
import type { FileRow } from "@/lib/analysis/file-rows";
import { eventLoopTurns } from "@/lib/event-loop-turns";
import { FILE_INDEX_FORMAT, FILE_INDEX_TABLES } from "./file-index-schema";

const COLUMNS = 9;
const ROW_VALUES = `(${Array(COLUMNS).fill("?").join(", ")})`;
// 900 parameters a statement, under SQLite's limit of 32,766.
const ROWS_PER_INSERT = 100;

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

/** The number of `key` in `ids`, added (and written with `add`) the first time it is seen. */
function idOf(ids: Map<string, number>, key: string, add: Database.Statement<unknown[]>): number {
  let id = ids.get(key);
  if (id === undefined) {
    ids.set(key, (id = ids.size));
    add.run(id, key);
  }
  return id;
}

/** A row's nine columns, its root and bytecode directory as numbers (lib/db/file-index/file-index-schema.ts). */
function columnsOf(n: number, row: FileRow, root: number, pycDir: (path: string) => number): unknown[] {
  const lower = row.path.toLowerCase();
  const slash = row.pycPath?.lastIndexOf("/") ?? -1;
  return [
    n,
    root,
    row.path,
    lower === row.path ? null : lower,
    row.status,
    row.blocked ? 1 : 0,
    row.pycPath ? pycDir(row.pycPath.slice(0, slash)) : null,
    row.pycPath ? row.pycPath.slice(slash + 1) : null,
    row.reason,
  ];
}

async function fill(db: Database.Database, rows: Iterable<FileRow>): Promise<void> {
  db.pragma("journal_mode = OFF");
  db.pragma("synchronous = OFF");
  db.exec("BEGIN");
  for (const sql of FILE_INDEX_TABLES) db.exec(sql);
  // Many rows a statement: a call into SQLite costs more than the row it inserts.
  const insertMany = db.prepare(`INSERT INTO rows VALUES ${Array(ROWS_PER_INSERT).fill(ROW_VALUES).join(", ")}`);
  const insertOne = db.prepare(`INSERT INTO rows VALUES ${ROW_VALUES}`);
  const addRoot = db.prepare("INSERT INTO roots VALUES (?, ?)");
  const addPycDir = db.prepare("INSERT INTO pyc_dirs VALUES (?, ?)");
  const roots = new Map<string, number>();
  const pycDirs = new Map<string, number>();
  const pycDir = (path: string) => idOf(pycDirs, path, addPycDir);
  // Inserts are synchronous: between statements the event loop gets a turn once its slice has passed, so a page
  // being rendered meanwhile waits little at each of its steps.
  const turn = eventLoopTurns();
  let n = 0;
  let pending: unknown[] = [];
  for (const row of rows) {
    pending.push(...columnsOf(n++, row, idOf(roots, row.root, addRoot), pycDir));
    if (n % ROWS_PER_INSERT === 0) {
      insertMany.run(...pending);
      pending = [];
      await turn();
    }
  }
  for (let i = 0; i < pending.length; i += COLUMNS) insertOne.run(...pending.slice(i, i + COLUMNS));
  const meta = db.prepare("INSERT INTO meta VALUES (?, ?)");
  meta.run("rows", String(n));
  meta.run("format", FILE_INDEX_FORMAT);
  db.exec("COMMIT");
}
