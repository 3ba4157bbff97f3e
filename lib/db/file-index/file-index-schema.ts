/** Bump when the tables change: an index of another format is built again. */
export const FILE_INDEX_FORMAT = "1";

/**
 * One row per source in walk order (`n` from 0, so a page of the unfiltered table is a range of `n`).
 * `haystack` is `${root}/${path}` lower-cased in JavaScript, so search matches exactly what the table filter
 * matched in memory. `meta` holds the format and the row count, written last: an index without them is not
 * finished and is built again.
 */
export const FILE_INDEX_TABLES = [
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
  "CREATE TABLE roots (id INTEGER PRIMARY KEY, path TEXT NOT NULL)",
  `CREATE TABLE rows (
    n INTEGER PRIMARY KEY,
    root INTEGER NOT NULL,
    path TEXT NOT NULL,
    status TEXT NOT NULL,
    blocked INTEGER NOT NULL,
    pyc TEXT,
    reason TEXT,
    haystack TEXT NOT NULL
  )`,
];
