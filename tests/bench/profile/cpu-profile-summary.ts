import fs from "node:fs";
import { frameLabel, placeOf, type CallFrame } from "./frame-label";

type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type CostEntry = { name: string; ms: number; share: number };
/** `idleMs`: the process waited (for the target, the network, SQLite's thread pool); the tables leave it out. */
export type CpuSummary = { totalMs: number; idleMs: number; functions: CostEntry[]; files: CostEntry[] };

function top(totals: Map<string, number>, totalMs: number, count: number): CostEntry[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms: Math.round(ms), share: totalMs ? ms / totalMs : 0 }));
}

/** Parent links, and the nearest caller with a script URL (for naming native frames). */
function callers(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stack = (id: number): ProfileNode[] => {
    const frames: ProfileNode[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) frames.push(byId.get(at)!);
    return frames;
  };
  return { byId, stack };
}

/**
 * Self time per function and per file (or package) of a V8 .cpuprofile, largest first; shares are of all
 * sampled time. Samples inside the inspector itself (the profiler stopping) are left out.
 */
export function summarizeCpuProfile(file: string, count = 12): CpuSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const { stack } = callers(profile);
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frames = stack(id);
    const frame = frames[0]?.callFrame;
    if (!frame || frames.some((f) => f.callFrame.url === "node:inspector")) return;
    totalMs += ms;
    if (frame.functionName === "(idle)") {
      idleMs += ms;
      return;
    }
    const caller = frames.slice(1).find((f) => f.callFrame.url)?.callFrame ?? null;
    const name = frameLabel(frame, caller);
    functions.set(name, (functions.get(name) ?? 0) + ms);
    files.set(placeOf(frame), (files.get(placeOf(frame)) ?? 0) + ms);
  });
  return {
    totalMs: Math.round(totalMs),
    idleMs: Math.round(idleMs),
    functions: top(functions, totalMs, count),
    files: top(files, totalMs, count),
  };
}
