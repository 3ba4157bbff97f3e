import { cpuProfiled } from "../profile/cpu-profiled";
import type { CompareFigures } from "./worker-protocol";

/**
 * compare() of two stored snapshots, server-side: both inventories are loaded (and timed) once,
 * then only compare() is timed, `runs` times.
 */
export async function compareTiming(
  leftId: string,
  rightId: string,
  runs: number,
  profileFile: string | null,
): Promise<CompareFigures> {
  const { loadSnapshot } = await import("@/lib/db/load-snapshot");
  const { compare } = await import("@/lib/compare/compare");
  const loadStarted = performance.now();
  const [left, right] = await Promise.all([loadSnapshot(leftId), loadSnapshot(rightId)]);
  const loadMs = performance.now() - loadStarted;
  const [a, b] = [left.input, right.input];
  if (!a || !b) throw new Error("compare needs two successful snapshots");
  const compareMs: number[] = [];
  let fileDifferences = 0;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const comparison = compare(a, b);
    compareMs.push(performance.now() - started);
    fileDifferences = comparison.files.total;
  }
  // Profiled apart from the timed runs: the profiler itself slows what it watches.
  if (profileFile) await cpuProfiled(profileFile, async () => compare(a, b));
  return { loadMs, compareMs, sources: [left.row.sources, right.row.sources], fileDifferences };
}
