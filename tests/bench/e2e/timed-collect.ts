import type { Host } from "@/lib/db/generated/client";
import type { CollectResult } from "@/lib/jobs/collect-host";
import { storeDelta, storeState } from "./store-bytes";
import type { SnapshotFigures, SnapshotTimeline } from "./worker-protocol";
import { cpuProfiled } from "../profile/cpu-profiled";
import { heapProfiled, vmHwm, type MemoryFigures } from "../profile/heap-profiled";

export type CollectProfiling = { cpuProfileFile?: string | null; heapProfileFile?: string | null };

/**
 * One end-to-end snapshot (connect → collect → validate → store) through collectHost, timed, with
 * what it added to the store. The store is measured outside the timed span.
 */
export async function timedCollect(host: Host, databaseFile: string, profiling: CollectProfiling = {}): Promise<SnapshotFigures> {
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const { getSnapshotOrThrow } = await import("@/lib/db/queries/snapshots");
  const { prisma } = await import("@/lib/db/client");
  const { loadSnapshot } = await import("@/lib/snapshot/load-snapshot");
  const { coverageOf } = await import("@/lib/analysis/coverage");
  const before = storeState(databaseFile);
  const peakRss = { before: vmHwm(), after: 0 };
  const timeline: SnapshotTimeline = { firstProgressMs: null, lastProgressMs: null, progressEvents: 0 };
  const started = performance.now();
  const onProgress = () => {
    const at = performance.now() - started;
    timeline.firstProgressMs ??= at;
    timeline.lastProgressMs = at;
    timeline.progressEvents += 1;
  };
  let memory: MemoryFigures | null = null;
  const collect = () => cpuProfiled(profiling.cpuProfileFile ?? null, () => collectHost(host, onProgress));
  const heapFile = profiling.heapProfileFile;
  let result: CollectResult;
  if (heapFile) {
    const profiled = await heapProfiled(heapFile, collect);
    [result, memory] = [profiled.result, profiled.memory];
  } else {
    result = await collect();
  }
  const ms = performance.now() - started;
  peakRss.after = vmHwm();
  const after = storeState(databaseFile);
  const row = await getSnapshotOrThrow(result.snapshotId);
  const blob = row.blobSha256
    ? await prisma.inventoryBlob.findUnique({ where: { sha256: row.blobSha256 }, select: { rawBytes: true } })
    : null;
  const loaded = result.ok ? await loadSnapshot(result.snapshotId) : null;
  const roots = loaded?.input
    ? coverageOf(loaded.input.inventory).roots.map(({ path, kind, coverage: c }) => ({ path, kind, sources: c.sources, fresh: c.fresh, stale: c.stale, missing: c.missing }))
    : [];
  const measurements = row.measurements ? (JSON.parse(row.measurements) as { collectorMs?: number }) : null;
  return {
    ms,
    timeline,
    ok: result.ok,
    code: result.code,
    message: result.message,
    sources: row.sources,
    fresh: row.fresh,
    stale: row.stale,
    missing: row.missing,
    truncated: row.truncated,
    roots,
    collectorMs: measurements?.collectorMs ?? null,
    rawBlobBytes: blob?.rawBytes ?? null,
    store: storeDelta(before, after),
    peakRss,
    memory,
  };
}
