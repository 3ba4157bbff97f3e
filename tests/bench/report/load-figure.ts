import { median, percentile } from "../stats";
import type { BenchData, Figure } from "./bench-data";
import { figureRow, skippedFigure } from "./figure-row";
import { count, millis } from "./format";

/** Collections across hosts while signed-in clients load pages and the API: 0 errors, no SQLITE_BUSY. */
export function loadFigure(data: Pick<BenchData, "options" | "load">): Figure {
  const { hosts, collections, clients } = data.options.load;
  const base = {
    id: "load" as const,
    title: `Load: ${collections} collections across ${hosts} hosts while ${clients} signed-in clients load pages and the API`,
    goal: "0 errors, no `SQLITE_BUSY`, every snapshot complete",
  };
  if (!data.load) return skippedFigure(base, "not run");
  if (!data.load.measured) return skippedFigure(base, data.load.reason);
  const run = data.load.run;
  // Older results.json files have no event-loop report.
  const loop = run.eventLoop ?? null;
  const complete = run.collections.filter((c) => c.complete).length;
  const failed = run.collections.length - complete;
  const ms = (kind: "page" | "api") => run.requests.filter((r) => r.kind === kind).map((r) => r.ms);
  const perMinute = complete / (run.elapsedMs / 60_000);
  const met = run.errors.length === 0 && run.busyLines.length === 0 && failed === 0 && complete === collections;
  return figureRow(base, {
    met,
    measured:
      `${complete}/${run.collections.length} snapshots complete (${count(run.sourcesPerHost)} sources each), ` +
      `${run.errors.length} errors in ${count(run.requests.length)} requests, ${run.busyLines.length} \`SQLITE_BUSY\`; ` +
      `pages p50 ${millis(percentile(ms("page"), 50))} / p95 ${millis(percentile(ms("page"), 95))}, ` +
      `API p50 ${millis(percentile(ms("api"), 50))} / p95 ${millis(percentile(ms("api"), 95))}; ` +
      `${perMinute.toFixed(1)} collections/min (median collection ${millis(median(run.collections.map((c) => c.ms)))})` +
      (loop
        ? `; server event loop p99 ${millis(loop.p99Ms)}, max ${millis(loop.maxMs)}, ${loop.stalls.length} stalls over 50 ms`
        : ""),
    ratio: complete / collections,
    ratioText: `${complete}/${collections} complete`,
    missedBy: [
      failed ? `${failed} snapshot(s) failed or incomplete` : "",
      run.errors.length
        ? `${run.errors.length} error answer(s), e.g. ${run.errors[0]!.status} on ${run.errors[0]!.path}`
        : "",
      run.busyLines.length ? `SQLITE_BUSY in the server's output: ${run.busyLines[0]}` : "",
    ]
      .filter(Boolean)
      .join("; "),
    values: {
      completeSnapshots: complete,
      failedSnapshots: failed,
      requests: run.requests.length,
      errors: run.errors.length,
      busyLines: run.busyLines.length,
      pageP50Ms: percentile(ms("page"), 50),
      pageP95Ms: percentile(ms("page"), 95),
      apiP50Ms: percentile(ms("api"), 50),
      apiP95Ms: percentile(ms("api"), 95),
      collectionsPerMinute: perMinute,
      elapsedMs: Math.round(run.elapsedMs),
      eventLoopP99Ms: loop?.p99Ms ?? null,
      eventLoopMaxMs: loop?.maxMs ?? null,
      eventLoopStallsOver50Ms: loop?.stalls.length ?? null,
    },
  });
}
