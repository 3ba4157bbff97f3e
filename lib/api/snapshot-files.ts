import "server-only";
import { type FileRow, fileRows } from "@/lib/analysis/file-rows";
import { filterFileRows } from "@/lib/analysis/filter-file-rows";
import { sourceStatusSchema } from "@/lib/snapshot/schema";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { z } from "zod";

// Snapshots are immutable, so decoded rows never go stale; two cover a user paging through one snapshot
// and a comparison open beside it, while bounding memory (a 100k-source snapshot is ~20 MB of rows).
const CACHE_SIZE = 2;
const cache = new Map<string, Promise<FileRow[]>>();

function rowsOf(id: string): Promise<FileRow[]> {
  let rows = cache.get(id);
  if (!rows) {
    rows = loadSnapshot(id).then(({ input }) => (input ? fileRows(input.inventory) : []));
    rows.catch(() => cache.delete(id));
    cache.set(id, rows);
    for (const key of cache.keys()) if (cache.size > CACHE_SIZE) cache.delete(key);
  }
  return rows;
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

/** One page of a snapshot's files matching the table's filters, with the number that match in all. */
export async function listSnapshotFiles(id: string, query: FileQuery): Promise<{ total: number; rows: FileRow[] }> {
  const all = await rowsOf(id);
  const matching = filterFileRows(all, {
    query: query.q,
    statuses: new Set(query.status),
    blockedOnly: query.blocked === "1",
  });
  return { total: matching.length, rows: matching.slice(query.offset, query.offset + query.limit) };
}
