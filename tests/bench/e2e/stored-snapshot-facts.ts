import type { RootCounts, SnapshotFigures } from "./worker-protocol";

export type StoredFacts = Pick<
  SnapshotFigures,
  "sources" | "fresh" | "stale" | "missing" | "truncated" | "roots" | "collectorMs" | "rawBlobBytes"
>;

/** What the store holds for a snapshot: its summary row, per-root coverage, the collector's own time. */
export async function storedSnapshotFacts(snapshotId: string): Promise<StoredFacts> {
  const { findBlobRawBytes, getSnapshotOrThrow } = await import("@/lib/db/queries/snapshots");
  const { loadSnapshot } = await import("@/lib/db/load-snapshot");
  const { coverageOf } = await import("@/lib/analysis/coverage");
  const row = await getSnapshotOrThrow(snapshotId);
  const rawBlobBytes = row.blobSha256 ? await findBlobRawBytes(row.blobSha256) : null;
  const { input } = await loadSnapshot(snapshotId);
  const roots: RootCounts[] = input
    ? coverageOf(input.inventory).roots.map(({ path, kind, coverage: c }) => ({
        path,
        kind,
        sources: c.sources,
        fresh: c.fresh,
        stale: c.stale,
        missing: c.missing,
      }))
    : [];
  const measurements = row.measurements;
  return {
    sources: row.sources,
    fresh: row.fresh,
    stale: row.stale,
    missing: row.missing,
    truncated: row.truncated,
    roots,
    collectorMs: measurements?.collectorMs ?? null,
    rawBlobBytes,
  };
}
