import fs from "node:fs";
import path from "node:path";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type CostEntry = { name: string; ms: number; share: number };
export type CpuSummary = { totalMs: number; functions: CostEntry[]; files: CostEntry[] };

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** node_modules/<package> or a project-relative path: where the time went, at a glance. */
function placeOf(url: string): string {
  if (!url) return "(native / V8)";
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

/** Self time per function and per file (or package) of a V8 .cpuprofile, largest first. */
export function summarizeCpuProfile(file: string, count = 12): CpuSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const functions = new Map<string, number>();
  const files = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    totalMs += ms;
    const place = placeOf(frame.url);
    const name = `${frame.functionName || "(anonymous)"} ${place}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    files.set(place, (files.get(place) ?? 0) + ms);
  });
  return { totalMs: Math.round(totalMs), functions: top(functions, totalMs, count), files: top(files, totalMs, count) };
}
