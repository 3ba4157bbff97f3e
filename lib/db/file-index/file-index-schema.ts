/** Bump when the tables change: an index of another format is built again. */
export const FILE_INDEX_FORMAT = "2";

/**
 * One row per source in walk order (`n` from 0, so a page of the unfiltered table is a range of `n`). Kept small,
 * since every row is written once per blob: the root and the bytecode directory are numbers into their own
 * tables, and `lpath` (the path lower-cased in JavaScript, for search) is stored only when it differs from
 * `path`. `meta` holds the format and the row count, written last: an index without them is not finished and is
 * built again.
 */
export const FILE_INDEX_TABLES = [
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
  "CREATE TABLE roots (id INTEGER PRIMARY KEY, path TEXT NOT NULL)",
  "CREATE TABLE pyc_dirs (id INTEGER PRIMARY KEY, path TEXT NOT NULL)",
  `CREATE TABLE rows (
    n INTEGER PRIMARY KEY,
    root INTEGER NOT NULL,
    path TEXT NOT NULL,
    lpath TEXT,
    status TEXT NOT NULL,
    blocked INTEGER NOT NULL,
    pyc_dir INTEGER,
    pyc_name TEXT,
    reason TEXT
  )`,
];
