import type { Host } from "@/lib/db/generated/client";
import { storeDelta, storeState } from "./store-bytes";
import type { SnapshotFigures } from "./worker-protocol";
import { cpuProfiled } from "../profile/cpu-profiled";

/**
 * One end-to-end snapshot (connect → collect → validate → store) through collectHost, timed, with
 * what it added to the store. The store is measured outside the timed span.
 */
export async function timedCollect(host: Host, databaseFile: string, cpuProfileFile: string | null = null): Promise<SnapshotFigures> {
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const { getSnapshotOrThrow } = await import("@/lib/db/queries/snapshots");
  const { prisma } = await import("@/lib/db/client");
  const before = storeState(databaseFile);
  const started = performance.now();
  const result = await cpuProfiled(cpuProfileFile, () => collectHost(host));
  const ms = performance.now() - started;
  const after = storeState(databaseFile);
  const row = await getSnapshotOrThrow(result.snapshotId);
  const blob = row.blobSha256
    ? await prisma.inventoryBlob.findUnique({ where: { sha256: row.blobSha256 }, select: { rawBytes: true } })
    : null;
  const measurements = row.measurements ? (JSON.parse(row.measurements) as { collectorMs?: number }) : null;
  return {
    ms,
    ok: result.ok,
    code: result.code,
    message: result.message,
    sources: row.sources,
    fresh: row.fresh,
    stale: row.stale,
    missing: row.missing,
    truncated: row.truncated,
    collectorMs: measurements?.collectorMs ?? null,
    rawBlobBytes: blob?.rawBytes ?? null,
    store: storeDelta(before, after),
  };
}
