import fs from "node:fs";
import path from "node:path";
import type { BenchOptions } from "../bench-options";
import type { LoadRequest } from "../load/load-data";
import type { EventLoopReport } from "../load/server-probe";
import type { MachineInfo } from "../machine-info";
import { writeResultsSection } from "../retention/results-section";
import type { Revision } from "../revision";
import { median, percentile } from "../stats";
import { bytes, count, millis } from "../report/format";
import type { FleetWindow } from "./fleet-window";

export type FleetRun = {
  options: BenchOptions["fleet"];
  sshds: number;
  treeSources: number;
  /** `/` timed one request after another as the first collections ran. */
  home: { status: number; ms: number }[];
  /** The first half of the hour, nobody browsing: collections stored and the server's CPU time. */
  quiet: { stored: number; cpuMs: number };
  busyCpuMs: number;
  window: FleetWindow;
  storeGrowthBytes: number;
  requests: LoadRequest[];
  /** DEPLOYLENS_MAX_CONCURRENT_COLLECTIONS as set for the run, or null for the default (4). */
  cap: string | null;
  eventLoop: EventLoopReport | null;
  /** The compressed hour on the bench's clock (Date.now()): stalls are counted inside it. */
  hour: { from: number; to: number };
  machine: MachineInfo;
  revision: Revision;
  date: string;
};

/** The figures of a fleet run, derived once for both RESULTS.md and results.json. */
export function fleetFigures(run: FleetRun) {
  const { hosts, hourSeconds } = run.options;
  const minutes = hourSeconds / 60;
  const perMinute = run.window.stored / minutes;
  const offeredPerMinute = hosts / minutes;
  // Saturated: collections were still waiting at the hour's end, so the rate measured is the node's capacity.
  const saturated = run.window.waiting > run.window.queued * 0.02;
  const cpuPerCollectionMs = run.quiet.stored ? run.quiet.cpuMs / run.quiet.stored : NaN;
  const bytesPerCollection = run.window.stored ? run.storeGrowthBytes / run.window.stored : NaN;
  const pages = run.requests.map((r) => r.ms);
  const loop = run.eventLoop;
  const stalls = (loop?.stalls ?? [])
    .map((stall) => ({ at: (loop?.startedAtEpochMs ?? 0) + stall.atMs, ms: stall.ms }))
    .filter((stall) => stall.at >= run.hour.from && stall.at <= run.hour.to)
    .map((stall) => stall.ms);
  const homeMs = [...run.home.map((h) => h.ms), ...run.requests.filter((r) => r.path === "/").map((r) => r.ms)];
  return {
    perMinute,
    offeredPerMinute,
    saturated,
    lagP50Ms: percentile(run.window.lagMs, 50),
    lagP95Ms: percentile(run.window.lagMs, 95),
    lagMaxMs: Math.max(0, ...run.window.lagMs),
    durationP50Ms: median(run.window.durationMs),
    pageP50Ms: percentile(pages, 50),
    pageP95Ms: percentile(pages, 95),
    pageErrors: run.requests.filter((r) => r.status < 200 || r.status > 299).length,
    homeStatuses: [...new Set(run.home.map((h) => h.status))],
    homeP95Ms: percentile(homeMs, 95),
    cpuPerCollectionMs,
    bytesPerCollection,
    stallsInHour: stalls.length,
    longestStallInHourMs: Math.max(0, ...stalls),
    // A real hour at this fleet's size: every host once an hour.
    growthPerDayBytes: bytesPerCollection * hosts * 24,
    // What the server alone could carry on 2 cores (targets elsewhere): CPU per collection bounds it.
    cpuBoundPerMinute: (2 * 60_000) / cpuPerCollectionMs,
  };
}

function markdown(run: FleetRun, f: ReturnType<typeof fleetFigures>): string {
  const { hosts, hourSeconds, clients } = run.options;
  const w = run.window;
  const loop = run.eventLoop;
  const hourly = (perMinute: number) => count(Math.floor(perMinute * 60));
  return [
    `## Fleet: ${count(hosts)} hosts on one node`,
    "",
    `Command: \`npm run bench -- --only fleet${hosts === 10_000 ? "" : ` --fleet-hosts ${hosts}`}${hourSeconds === 600 ? "" : ` --fleet-hour-seconds ${hourSeconds}`}\` (${run.date.slice(0, 16)}Z, commit ${run.revision.commit}; ${run.machine.cpus} CPUs, load average ${run.machine.load.start.toFixed(2)} at the start, ${run.machine.load.end?.toFixed(2)} at the end).`,
    `${count(hosts)} saved hosts, all scheduled hourly by the server's own scheduler (\`lib/jobs/scheduler.ts\`), pointing at ${run.sshds} real sshd on 127.0.0.1 and at the local machine (one small tree of ${count(run.treeSources)} sources each).`,
    `Time compressed ${(3_600 / hourSeconds).toFixed(0)}×: each host's cron expression fires once every ${hourSeconds} s at its own offset (\`S M-59/${hourSeconds / 60} * * * *\`), so one "hour" lasts ${hourSeconds / 60} minute${hourSeconds === 60 ? "" : "s"} and asks for ${count(Math.round(f.offeredPerMinute))} collections a minute. Queue cap: ${run.cap ?? "default (4)"}. First half of the hour: nobody browsing; second half: ${clients} signed-in clients load \`/\`, \`/?page=N\`, a host and a snapshot one after another.`,
    "",
    "| | |",
    "| --- | --- |",
    `| \`/\` with ${count(hosts)} hosts | ${f.homeStatuses.join(", ")}; p95 ${millis(f.homeP95Ms)} (${count(run.home.length)} alone at the start, the rest while browsing) |`,
    `| Collections per minute | **${f.perMinute.toFixed(0)}** (${count(w.stored)} stored in the hour, ${w.failed} failed${w.failedCodes.length ? `: ${w.failedCodes.join(", ")}` : ""}; ${f.saturated ? "saturated: this is the node's capacity" : "kept up with the schedule"}) |`,
    `| Queue lag (schedule fired → collection started) | p50 ${millis(f.lagP50Ms)}, p95 ${millis(f.lagP95Ms)}, max ${millis(f.lagMaxMs)}; ${count(w.waiting)} of ${count(w.queued)} queued still waiting at the hour's end (oldest ${millis(w.oldestWaitingMs)}) |`,
    `| Collection (connect → stored) | median ${millis(f.durationP50Ms)} |`,
    `| Pages p50 / p95 while collecting | ${millis(f.pageP50Ms)} / **${millis(f.pageP95Ms)}** (${count(run.requests.length)} pages, ${f.pageErrors} errors) |`,
    `| Server CPU time per collection | **${millis(f.cpuPerCollectionMs)}** (${(run.quiet.cpuMs / 1000).toFixed(1)} s for ${count(run.quiet.stored)} collections, nobody browsing) |`,
    `| Store growth | ${bytes(f.bytesPerCollection)} per collection → **${bytes(f.growthPerDayBytes)} a day** at ${count(hosts)} hosts hourly (before retention thins days older than 30) |`,
    `| Event loop (\`monitorEventLoopDelay\`, whole run incl. start-up) | p50 ${millis(loop?.p50Ms ?? NaN)}, p99 ${millis(loop?.p99Ms ?? NaN)}, max ${millis(loop?.maxMs ?? NaN)}; in the hour: ${f.stallsInHour} stalls over 50 ms, the longest ${millis(f.longestStallInHourMs)} |`,
    `| Headroom | measured: ${f.perMinute.toFixed(0)} collections/min = ${hourly(f.perMinute)} hosts hourly${f.saturated ? "" : " (at least: not saturated)"} with the targets on the same 2 cores; an upper bound from the server's CPU alone (targets elsewhere, nothing else running): 2 cores ÷ ${millis(f.cpuPerCollectionMs)} = ${hourly(f.cpuBoundPerMinute)} hosts hourly |`,
  ].join("\n");
}

/** Writes the fleet section of RESULTS.md and the `fleet` entry of results.json in `dir`, leaving the rest. */
export function writeFleetResults(dir: string, run: FleetRun, log: (line: string) => void): void {
  const figures = fleetFigures(run);
  const body = markdown(run, figures);
  console.log(`\n${body}\n`);
  fs.mkdirSync(dir, { recursive: true });
  writeResultsSection(path.join(dir, "RESULTS.md"), "fleet", body);
  const jsonFile = path.join(dir, "results.json");
  const json = fs.existsSync(jsonFile)
    ? (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Record<string, unknown>)
    : {};
  const { requests: _requests, ...kept } = run;
  // The per-collection lags and every stall stay out: thousands of numbers, summed up in `figures`.
  const eventLoop = run.eventLoop && {
    ...run.eventLoop,
    stalls: undefined,
    stallsOver50Ms: run.eventLoop.stalls.length,
  };
  json.fleet = { ...kept, eventLoop, window: { ...run.window, lagMs: undefined, durationMs: undefined }, figures };
  fs.writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
  log(`fleet: ${path.join(dir, "RESULTS.md")} and results.json written`);
}
