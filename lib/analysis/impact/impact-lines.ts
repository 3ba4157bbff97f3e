import { formatRange } from "./range";
import type { Impact, Prediction } from "./types";

/** The cost in the operator's units, one plain-text line each (CLI text and the Markdown export). */
export function impactLines(impact: Impact): string[] {
  const lines = [
    `each process start: ${formatRange(impact.perProcessStartMs, "ms")} compiling the blocked modules (measured)`,
    `processes per start: ${impact.processesPerStart.value} (${impact.processesPerStart.source})`,
    impact.startsPerDay
      ? `starts per day: ${impact.startsPerDay.value} (${impact.startsPerDay.source})`
      : "starts per day: unknown",
    impact.cpuSecondsPerDay
      ? `CPU-seconds per day: ${formatRange(impact.cpuSecondsPerDay, "s")}`
      : "CPU-seconds per day: not computed (starts per day unknown)",
    `added latency per restart (first worker ready): ${formatRange(impact.restartLatencyMs, "ms")}`,
  ];
  const r = impact.recycling;
  if (r?.recyclesPerDay != null && r.requestsPerDay)
    lines.push(
      `recycled workers: ${r.requestsPerDay.value} requests per day (${r.requestsPerDay.source}) / ${r.maxRequests + r.jitter / 2} = ${r.recyclesPerDay} per day`,
    );
  return [...lines, ...impact.notes.map((n) => `note: ${n}`)];
}

/** "predicted: 0 blocked, startup coverage 100 %, saves 1.2–1.5 CPU-s/day". */
export function predictionText(p: Prediction): string {
  const coverage = p.startupCoverage === null ? "" : `, startup coverage ${p.startupCoverage} %`;
  const saves = p.cpuSecondsPerDay ? `, saves ${formatRange(p.cpuSecondsPerDay, "CPU-s/day")}` : "";
  return `predicted: ${p.blocked} blocked${coverage}${saves}`;
}
