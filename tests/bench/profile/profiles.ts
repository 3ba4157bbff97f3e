import path from "node:path";
import { runWorker } from "../e2e/run-worker";
import type { BenchTarget } from "../e2e/worker-protocol";
import { summarizeCpuProfile, type CpuSummary } from "./cpu-profile-summary";
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
export type Profiles = { collection: CollectionProfile | null; compare: CpuSummary | null };

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
};

/** Profiles a snapshot (V8 + cProfile) and/or compare() (V8), in a worker of its own, outside the timed runs. */
export async function runProfiles(request: ProfileRequest): Promise<Profiles> {
  const cpuProfileFile = request.collection ? path.join(request.dir, "collection.cpuprofile") : null;
  const compareProfileFile = request.compare && request.rootB ? path.join(request.dir, "compare.cpuprofile") : null;
  const result = await runWorker(request.dir, {
    target: request.target, python: request.python, rootA: request.rootA, resnapshot: false,
    rootB: compareProfileFile ? request.rootB : null, compareRuns: 1, cpuProfileFile, compareProfileFile,
  });
  let collection: CollectionProfile | null = null;
  if (cpuProfileFile) {
    let python: CollectionProfile["python"];
    try {
      python = profileCollector(request.rootA, request.runner, request.python);
    } catch (error) {
      python = { error: error instanceof Error ? error.message : String(error) };
    }
    collection = { totalMs: Math.round(result.first.ms), collectorMs: result.first.collectorMs, node: summarizeCpuProfile(cpuProfileFile), python };
  }
  return { collection, compare: compareProfileFile ? summarizeCpuProfile(compareProfileFile) : null };
}
