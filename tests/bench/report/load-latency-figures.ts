import { percentile } from "../stats";
import type { BenchData, Figure } from "./bench-data";
import { figureRow, limitFigure, skippedFigure } from "./figure-row";
import { millis, seconds } from "./format";

type LoadData = Pick<BenchData, "options" | "load">;

const PAGE_P95_LIMIT_MS = 1000;
const API_P95_LIMIT_MS = 500;
const LOOP_LIMIT_MS = 50;

const during = (data: LoadData) =>
  `during the load run (${data.options.load.collections} collections on ${data.options.load.hosts} hosts, ${data.options.load.clients} clients)`;

/** How fast pages and API reads answer while collections run: p95 of each against its own limit. */
export function loadLatencyFigure(data: LoadData): Figure {
  const base = {
    id: "load-latency" as const,
    title: `Pages and API p95 ${during(data)}`,
    goal: `pages p95 ≤ ${millis(PAGE_P95_LIMIT_MS)}, API p95 ≤ ${millis(API_P95_LIMIT_MS)}`,
  };
  if (!data.load) return skippedFigure(base, "not run");
  if (!data.load.measured) return skippedFigure(base, data.load.reason);
  const { requests } = data.load.run;
  const ms = (kind: "page" | "api") => requests.filter((r) => r.kind === kind).map((r) => r.ms);
  const page = percentile(ms("page"), 95);
  const api = percentile(ms("api"), 95);
  // The row stands or falls with the worse of the two against its own limit.
  const ratio = Math.max(page / PAGE_P95_LIMIT_MS, api / API_P95_LIMIT_MS);
  return figureRow(base, {
    met: ratio <= 1,
    measured:
      `pages p50 ${millis(percentile(ms("page"), 50))} / p95 ${millis(page)} (${ms("page").length} pages), ` +
      `API p50 ${millis(percentile(ms("api"), 50))} / p95 ${millis(api)} (${ms("api").length} reads)`,
    ratio,
    ratioText: `${ratio.toFixed(2)} of limit (the worse of pages and API)`,
    missedBy: `${ratio.toFixed(2)}× the limit`,
    values: { pageP95Ms: page, apiP95Ms: api },
  });
}

/** How long the server's event loop was held at most while collections ran and clients read. */
export function loadEventLoopFigure(data: LoadData): Figure {
  const base = {
    id: "load-event-loop" as const,
    title: `Longest event-loop delay of the dashboard ${during(data)} (monitorEventLoopDelay)`,
    goal: `max and p99 ≤ ${millis(LOOP_LIMIT_MS)}`,
  };
  if (!data.load) return skippedFigure(base, "not run");
  if (!data.load.measured) return skippedFigure(base, data.load.reason);
  const loop = data.load.run.eventLoop;
  if (!loop) return skippedFigure(base, "the server wrote no event-loop report");
  const worst = Math.max(loop.maxMs, loop.p99Ms);
  return limitFigure(
    base,
    worst,
    LOOP_LIMIT_MS,
    `max ${millis(loop.maxMs)}, p99 ${millis(loop.p99Ms)}, p50 ${millis(loop.p50Ms)}; ${loop.stalls.length} stalls over 50 ms; ` +
      `server CPU ${seconds(loop.cpuUserMs + loop.cpuSystemMs)} in ${seconds(loop.wallMs)}` +
      (loop.loopActiveMs === undefined ? "" : `, event loop busy ${seconds(loop.loopActiveMs)} of them`),
    {
      eventLoopMaxMs: loop.maxMs,
      eventLoopP99Ms: loop.p99Ms,
      eventLoopStallsOver50Ms: loop.stalls.length,
      serverCpuMs: loop.cpuUserMs + loop.cpuSystemMs,
      eventLoopActiveMs: loop.loopActiveMs ?? null,
    },
  );
}
