import "server-only";
import fs from "node:fs";
import Database from "libsql";
import type { FileRow } from "@/lib/analysis/file-rows";
import { rootMatchOf } from "@/lib/analysis/filter-file-rows";
import { processSingleton } from "@/lib/process-singleton";
import { FILE_INDEX_FORMAT } from "./file-index-schema";

/** What the file table filters by; `query` is already trimmed and lower-cased ("" when there is no search). */
export type FileIndexFilter = { query: string; statuses: readonly FileRow["status"][]; blockedOnly: boolean };

export type FileIndex = { db: Database.Database; rows: number; roots: string[]; totals: Map<string, number> };

// A handle is a file descriptor and SQLite's page cache (2 MB at most by default), not the rows: a few cover the
// snapshots being read at once. The totals of recent filters spare counting again for every page of one filter.
const OPEN_INDEXES = 8;
const TOTALS_PER_INDEX = 16;
// One per process (Next evaluates modules once per bundle), so retention closes what the pages opened.
const opened = processSingleton("deploylensFileIndexes", () => new Map<string, FileIndex>());

function open(file: string): FileIndex | null {
  if (!fs.existsSync(file)) return null;
  let db: Database.Database | null = null;
  try {
    db = new Database(file);
    db.pragma("query_only = 1");
    const meta = new Map(db.prepare("SELECT key, value FROM meta").raw(true).all() as [string, string][]);
    if (meta.get("format") !== FILE_INDEX_FORMAT) throw new Error("another format");
    const roots = db.prepare("SELECT path FROM roots ORDER BY id").pluck().all() as string[];
    return { db, rows: Number(meta.get("rows")), roots, totals: new Map() };
  } catch {
    // Damaged or of another format: the caller builds it again, which replaces the file.
    db?.close();
    return null;
  }
}

/** The finished index at `file`, kept open for the next page; null when there is none (or not a usable one). */
export function openFileIndex(file: string): FileIndex | null {
  let index = opened.get(file);
  if (index) opened.delete(file);
  else if (!(index = open(file) ?? undefined)) return null;
  opened.set(file, index);
  for (const [old, { db }] of opened) {
    if (opened.size <= OPEN_INDEXES) break;
    db.close();
    opened.delete(old);
  }
  return index;
}

/** Closes the handle of `file` if one is open (its file is being removed). */
export function closeFileIndex(file: string): void {
  opened.get(file)?.db.close();
  opened.delete(file);
}

const COLUMNS = "r.root, r.path, r.status, r.blocked, d.path, r.pyc_name, r.reason";
const FROM = "rows r LEFT JOIN pyc_dirs d ON d.id = r.pyc_dir";
type StoredRow = [number, string, string, number, string | null, string | null, string | null];
type Where = { clause: string; params: (string | number)[] };

/** Whether `${root}/${path}` lower-cased holds `needle`, the root judged once per root by rootMatchOf. */
function searchOf(roots: readonly string[], needle: string): Where {
  const lower = "coalesce(r.lpath, r.path)";
  const parts = [`instr(${lower}, ?) > 0`];
  const params: (string | number)[] = [needle];
  for (const [id, root] of roots.entries()) {
    const { whole, rests } = rootMatchOf(root, needle);
    if (whole) {
      parts.push("r.root = ?");
      params.push(id);
    }
    for (const rest of rests) {
      parts.push(`(r.root = ? AND instr(${lower}, ?) = 1)`);
      params.push(id, rest);
    }
  }
  return { clause: `(${parts.join(" OR ")})`, params };
}

function whereOf(index: FileIndex, filter: FileIndexFilter): Where | null {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.statuses.length) {
    where.push(`r.status IN (${filter.statuses.map(() => "?").join(", ")})`);
    params.push(...filter.statuses);
  }
  if (filter.blockedOnly) where.push("r.blocked = 1");
  if (filter.query) {
    const search = searchOf(index.roots, filter.query);
    where.push(search.clause);
    params.push(...search.params);
  }
  return where.length ? { clause: where.join(" AND "), params } : null;
}

/**
 * How many rows match: counted once per filter and remembered, unless the first page already told (it came back
 * short, as a search for one file does), which spares a second pass over every row.
 */
function totalOf(index: FileIndex, where: Where, page: { offset: number; limit: number; rows: number }): number {
  const key = JSON.stringify(where);
  let total = index.totals.get(key);
  if (total === undefined) {
    if (page.offset === 0 && page.rows < page.limit) total = page.rows;
    else {
      const counted = index.db.prepare(`SELECT count(*) AS n FROM rows r WHERE ${where.clause}`).get(...where.params);
      total = (counted as { n: number }).n;
    }
    for (const old of index.totals.keys()) if (index.totals.size >= TOTALS_PER_INDEX) index.totals.delete(old);
    index.totals.set(key, total);
  }
  return total;
}

/** One page of the rows matching `filter`, in walk order, with how many match in all. Reads only the disk. */
export function readFileIndexPage(
  index: FileIndex,
  filter: FileIndexFilter,
  offset: number,
  limit: number,
): { total: number; rows: FileRow[] } {
  const where = whereOf(index, filter);
  // Unfiltered, a page is a range of the row numbers; filtered, SQLite walks the rows in order until the page.
  const stored = (
    where
      ? index.db
          .prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.clause} ORDER BY r.n LIMIT ? OFFSET ?`)
          .raw(true)
          .all(...where.params, limit, offset)
      : index.db
          .prepare(`SELECT ${COLUMNS} FROM ${FROM} WHERE r.n >= ? AND r.n < ? ORDER BY r.n`)
          .raw(true)
          .all(offset, offset + limit)
  ) as StoredRow[];
  const total = where ? totalOf(index, where, { offset, limit, rows: stored.length }) : index.rows;
  const rows = stored.map(([root, path, status, blocked, pycDir, pycName, reason]) => ({
    root: index.roots[root] ?? "",
    path,
    // Written from rows that passed the inventory's schema.
    status: status as FileRow["status"],
    blocked: blocked === 1,
    pycPath: pycName === null ? null : `${pycDir}/${pycName}`,
    reason,
  }));
  return { total, rows };
}
