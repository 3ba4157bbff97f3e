// Preloaded into the dashboard's server by the load benches (NODE_OPTIONS=--import=…): how long its event loop
// was held. monitorEventLoopDelay gives the delay histogram; a 10 ms timer adds each stall over 50 ms (the
// goal's bound) with when it happened, so a stall can be matched to what the run was doing then. Written as
// JSON to DEPLOYLENS_BENCH_LOOP_FILE when the process exits; the CPU time of the whole process goes with it, and
// the time the event loop itself was busy (its utilisation).
// With DEPLOYLENS_BENCH_CPU_PROFILE, a V8 CPU profile of the whole life is written there too (Node refuses
// --cpu-prof in NODE_OPTIONS; a same-thread inspector session answers synchronously, so it works on exit).
import fs from "node:fs";
import { Session } from "node:inspector";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

const profileFile = process.env.DEPLOYLENS_BENCH_CPU_PROFILE;
if (profileFile) {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 1000 });
  session.post("Profiler.start");
  process.on("exit", () =>
    session.post("Profiler.stop", (error, result) => {
      if (!error) fs.writeFileSync(profileFile, JSON.stringify(result.profile));
    }),
  );
}

const file = process.env.DEPLOYLENS_BENCH_LOOP_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  const startedAtEpochMs = Date.now();
  const stalls = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - 10;
    if (late > 50) stalls.push({ atMs: Math.round(last - started), ms: Math.round(late) });
    last = now;
  }, 10).unref();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on("exit", () => {
    histogram.disable();
    const cpu = process.resourceUsage();
    const report = {
      samples: histogram.count,
      p50Ms: ms(histogram.percentile(50)),
      p99Ms: ms(histogram.percentile(99)),
      maxMs: ms(histogram.max),
      startedAtEpochMs,
      stalls,
      // How long the event loop itself was busy (the rest of the CPU time is other threads: SQLite's, zlib's).
      loopActiveMs: Math.round(performance.eventLoopUtilization().active),
      cpuUserMs: Math.round(cpu.userCPUTime / 1000),
      cpuSystemMs: Math.round(cpu.systemCPUTime / 1000),
      wallMs: Math.round(performance.now() - started),
    };
    fs.writeFileSync(file, JSON.stringify(report));
  });
}
