// Preloaded into the dashboard by the bench (NODE_OPTIONS=--import): the event loop's delay, measured by
// monitorEventLoopDelay (10 ms resolution), written every 200 ms to DEPLOYLENS_EVENT_LOOP_DIR/<pid>.json so the
// bench reads the listening process's own figure. `reset` in that directory clears the histogram (before a request).
import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";

const dir = process.env.DEPLOYLENS_EVENT_LOOP_DIR;
if (dir) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const file = path.join(dir, `${process.pid}.json`);
  const resetFile = path.join(dir, "reset");
  let seenReset = 0;
  const timer = setInterval(() => {
    const reset = fs.statSync(resetFile, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (reset > seenReset) {
      seenReset = reset;
      histogram.reset();
    }
    const ms = (ns) => Math.round(ns / 1e4) / 100;
    const figures = { maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), reset: seenReset };
    // Written whole and renamed into place: the bench may read the file at any moment.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(figures));
    fs.renameSync(`${file}.tmp`, file);
  }, 200);
  timer.unref();
}
