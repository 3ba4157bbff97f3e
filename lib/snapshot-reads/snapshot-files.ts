import "server-only";
import { z } from "zod";
import type { FileRow } from "@/lib/analysis/file-rows";
import { getSnapshotBlobOrThrow } from "@/lib/db/queries/snapshots";
import { sourceStatusSchema } from "@/lib/snapshot/schema";
import { buildBlobFileIndex, readBlobFilePage } from "./blob-file-index";

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

/**
 * One page of a snapshot's files matching the table's filters (a case-insensitive substring of root/path, the
 * statuses, blocked only), with the number that match in all. Read from the blob's index on disk.
 */
export async function listSnapshotFiles(id: string, query: FileQuery): Promise<{ total: number; rows: FileRow[] }> {
  const sha256 = await getSnapshotBlobOrThrow(id);
  if (!sha256) return { total: 0, rows: [] };
  const filter = { query: query.q.trim().toLowerCase(), statuses: query.status, blockedOnly: query.blocked === "1" };
  return readBlobFilePage(sha256, filter, query.offset, query.limit);
}

/**
 * Builds a just-stored snapshot's file index ahead of its first reader, so its page opens without decoding the
 * blob. Nothing when the blob has one already (an unchanged host's snapshots share theirs).
 */
export async function prepareSnapshotFiles(id: string): Promise<void> {
  const sha256 = await getSnapshotBlobOrThrow(id);
  if (sha256) await buildBlobFileIndex(sha256);
}
