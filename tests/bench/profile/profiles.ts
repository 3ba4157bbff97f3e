import path from "node:path";
import { runWorker } from "../e2e/run-worker";
import type { BenchTarget } from "../e2e/worker-protocol";
import { summarizeCpuProfile, type CpuSummary } from "./cpu-profile-summary";
import { summarizeHeapProfile, type HeapSummary } from "./heap-profile-summary";
import type { MemoryFigures } from "./heap-profiled";
import { profileCollector, type PythonProfile } from "./python-profile";

export type CollectionProfile = {
  /** The profiled snapshot end to end, and the collector's own time on the target within it. */
  totalMs: number;
  collectorMs: number | null;
  /** The dashboard side (ssh2, JSON parsing, zod validation, canonical JSON, brotli, SQLite). */
  node: CpuSummary;
  /** The collector itself (collect.py), under cProfile. */
  python: PythonProfile | { error: string };
};
/** One snapshot in a bench process: its memory peaks and what allocated the bytes. */
export type MemoryProfile = { memory: MemoryFigures; allocations: HeapSummary };
export type Profiles = {
  collection: CollectionProfile | null;
  compare: CpuSummary | null;
  memory: MemoryProfile | null;
};

export type ProfileRequest = {
  dir: string;
  target: BenchTarget;
  /** The service's interpreter (the spec's python) and the one that runs collect.py. */
  python: string;
  runner: string;
  rootA: string;
  rootB: string | null;
  collection: boolean;
  compare: boolean;
  memory: boolean;
};

/**
 * Profiles, each in a worker of its own and outside the timed runs: a snapshot (V8 CPU + cProfile of
 * collect.py), compare() (V8 CPU), and a snapshot's memory (V8 sampling heap profile + peaks).
 */
export async function runProfiles(request: ProfileRequest): Promise<Profiles> {
  const cpuProfileFile = request.collection ? path.join(request.dir, "collection.cpuprofile") : null;
  const compareProfileFile = request.compare && request.rootB ? path.join(request.dir, "compare.cpuprofile") : null;
  const base = {
    target: request.target,
    python: request.python,
    rootA: request.rootA,
    resnapshot: false,
    compareRuns: 1,
  };
  const profiles: Profiles = { collection: null, compare: null, memory: null };
  if (cpuProfileFile || compareProfileFile) {
    const result = await runWorker(path.join(request.dir, "cpu"), {
      ...base,
      rootB: compareProfileFile ? request.rootB : null,
      cpuProfileFile,
      compareProfileFile,
    });
    if (cpuProfileFile) {
      profiles.collection = {
        totalMs: Math.round(result.first.ms),
        collectorMs: result.first.collectorMs,
        node: summarizeCpuProfile(cpuProfileFile),
        python: pythonProfile(request),
      };
    }
    if (compareProfileFile) profiles.compare = summarizeCpuProfile(compareProfileFile);
  }
  if (request.memory) {
    const heapProfileFile = path.join(request.dir, "collection.heapprofile");
    const result = await runWorker(path.join(request.dir, "heap"), { ...base, rootB: null, heapProfileFile });
    if (result.first.memory)
      profiles.memory = { memory: result.first.memory, allocations: summarizeHeapProfile(heapProfileFile) };
  }
  return profiles;
}

function pythonProfile(request: ProfileRequest): PythonProfile | { error: string } {
  try {
    return profileCollector(request.rootA, request.runner, request.python);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
