import fs from "node:fs";
import path from "node:path";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type CostEntry = { name: string; ms: number; share: number };
/** `idleMs`: the process waited (for the target, the network, SQLite's thread pool); the tables leave it out. */
export type CpuSummary = { totalMs: number; idleMs: number; functions: CostEntry[]; files: CostEntry[] };

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** node_modules/<package> or a project-relative path: where the time went, at a glance. */
function placeOf(functionName: string, url: string): string {
  if (functionName.startsWith("(")) return functionName; // (program), (garbage collector)
  if (!url) return "(native)";
  const file = url.replace(/^file:\/\//, "");
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return `node_modules/${pkg[1]}`;
  return file.startsWith(ROOT) ? path.relative(ROOT, file) : file;
}

function top(totals: Map<string, number>, totalMs: number, count: number): CostEntry[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms: Math.round(ms), share: totalMs ? ms / totalMs : 0 }));
}

/** Self time per function and per file (or package) of a V8 .cpuprofile, largest first; shares are of all sampled time. */
export function summarizeCpuProfile(file: string, count = 12): CpuSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    totalMs += ms;
    if (frame.functionName === "(idle)") {
      idleMs += ms;
      return;
    }
    const place = placeOf(frame.functionName, frame.url);
    // tsx-compiled files report generated line numbers, which mislead; packages' are real.
    const line = frame.url.includes("node_modules") ? `:${frame.lineNumber + 1}` : "";
    const name = place === frame.functionName ? place : `${frame.functionName || "(anonymous)"} ${place}${line}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    files.set(place, (files.get(place) ?? 0) + ms);
  });
  return { totalMs: Math.round(totalMs), idleMs: Math.round(idleMs), functions: top(functions, totalMs, count), files: top(files, totalMs, count) };
}
