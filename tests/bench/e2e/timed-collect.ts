import type { HostRow } from "@/lib/db/queries/hosts";
import type { CollectResult } from "@/lib/jobs/collect-host";
import { storeDelta, storeState } from "./store-bytes";
import { storedSnapshotFacts } from "./stored-snapshot-facts";
import type { SnapshotFigures, SnapshotTimeline } from "./worker-protocol";
import { cpuProfiled } from "../profile/cpu-profiled";
import { heapProfiled, vmHwm, type MemoryFigures } from "../profile/heap-profiled";

export type CollectProfiling = { cpuProfileFile?: string | null; heapProfileFile?: string | null };

/**
 * One end-to-end snapshot (connect → collect → validate → store) through collectHost, timed, with
 * what it added to the store. The store is measured outside the timed span.
 */
export async function timedCollect(
  host: HostRow,
  databaseFile: string,
  profiling: CollectProfiling = {},
): Promise<SnapshotFigures> {
  const { collectHost } = await import("@/lib/jobs/collect-host");
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
  const store = storeDelta(before, storeState(databaseFile));
  const facts = await storedSnapshotFacts(result.snapshotId);
  return { ms, timeline, ok: result.ok, code: result.code, message: result.message, ...facts, store, peakRss, memory };
}
