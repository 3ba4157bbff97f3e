import "server-only";
import { type FileRow, fileRows } from "@/lib/analysis/file-rows";
import { filterFileRows, lowerPathsOf } from "@/lib/analysis/filter-file-rows";
import { sourceStatusSchema } from "@/lib/snapshot/schema";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { z } from "zod";

/**
 * A snapshot's file table, with its last few filter results: the table asks for several pages of one filter
 * (the first page, the ones scrolled to), and each used to scan every row again. `lowerPaths` is made at the
 * first search.
 */
type Table = { rows: FileRow[]; lowerPaths: string[] | null; results: Map<string, FileRow[]> };

// Snapshots are immutable, so decoded rows never go stale. The cache is bounded by rows, not tables: two
// 100k-source snapshots (~20 MB of rows each) as before, or the last twenty of a fleet's 10k-source hosts,
// which several users read at once (counted in tables, they evicted each other and every page decoded a blob).
const CACHE_ROWS = 200_000;
// A filter result is an array of references to the rows (≤ 0.8 MB at 100k): a few cover typing and going back.
const RESULTS_PER_TABLE = 4;
const cache = new Map<string, Promise<Table>>();
/** Rows of each decoded table in the cache (none while it is still decoding). */
const sizes = new Map<string, number>();

/** Drops the least recently read tables while the cache holds more than CACHE_ROWS rows; the newest stays. */
function evict(): void {
  let rows = 0;
  for (const size of sizes.values()) rows += size;
  for (const key of cache.keys()) {
    if (rows <= CACHE_ROWS || cache.size === 1) break;
    rows -= sizes.get(key) ?? 0;
    cache.delete(key);
    sizes.delete(key);
  }
}

function tableOf(id: string): Promise<Table> {
  const table = cache.get(id);
  if (table) {
    // Most recently read last, so eviction drops the tables nobody is reading.
    cache.delete(id);
    cache.set(id, table);
    return table;
  }
  const decoding = loadSnapshot(id).then(({ input }) => {
    const rows = input ? fileRows(input.inventory) : [];
    if (cache.get(id) === decoding) sizes.set(id, rows.length);
    evict();
    return { rows, lowerPaths: null, results: new Map<string, FileRow[]>() };
  });
  decoding.catch(() => {
    if (cache.get(id) === decoding) cache.delete(id);
  });
  cache.set(id, decoding);
  return decoding;
}

export const fileQuerySchema = z.object({
  q: z.string().max(4096).default(""),
  status: z
    .string()
    .default("")
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(sourceStatusSchema)),
  blocked: z.enum(["", "1"]).default(""),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(2000).default(500),
});
export type FileQuery = z.infer<typeof fileQuerySchema>;

function matchingRows(table: Table, query: FileQuery): FileRow[] {
  const needle = query.q.trim().toLowerCase();
  if (!needle && query.status.length === 0 && query.blocked !== "1") return table.rows;
  const key = JSON.stringify([needle, [...query.status].sort(), query.blocked]);
  let rows = table.results.get(key);
  if (!rows) {
    if (needle && !table.lowerPaths) table.lowerPaths = lowerPathsOf(table.rows);
    const filter = { query: needle, statuses: new Set(query.status), blockedOnly: query.blocked === "1" };
    rows = filterFileRows(table.rows, filter, table.lowerPaths ?? undefined);
    for (const old of table.results.keys()) if (table.results.size >= RESULTS_PER_TABLE) table.results.delete(old);
    table.results.set(key, rows);
  }
  return rows;
}

/** One page of a snapshot's files matching the table's filters, with the number that match in all. */
export async function listSnapshotFiles(id: string, query: FileQuery): Promise<{ total: number; rows: FileRow[] }> {
  const matching = matchingRows(await tableOf(id), query);
  return { total: matching.length, rows: matching.slice(query.offset, query.offset + query.limit) };
}
