import fs from "node:fs";
import path from "node:path";
import { tempDir } from "../../support/temp-dir";

/** What tests/bench/load/event-loop-probe.mjs wrote when the server exited. */
export type EventLoopReport = {
  samples: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Date.now() when the probe started (the server's start), to place the stalls on the bench's clock. */
  startedAtEpochMs: number;
  /** Each time the loop was held over 50 ms: when (ms after the server started) and for how long. */
  stalls: { atMs: number; ms: number }[];
  /** Time the event loop was busy (performance.eventLoopUtilization); absent from reports written before it. */
  loopActiveMs?: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  wallMs: number;
};

const PROBE = path.join(import.meta.dirname, "event-loop-probe.mjs");

/**
 * The environment that makes `startApp` preload the event-loop probe (and, with `cpuProfileDir`, write a V8
 * CPU profile of the whole server on exit), and a reader of its report once the server has stopped.
 */
export function serverProbe(cpuProfileDir: string | null = null) {
  const temp = tempDir("deploylens-probe-");
  const file = path.join(temp.dir, "event-loop.json");
  return {
    env: {
      DEPLOYLENS_BENCH_LOOP_FILE: file,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${PROBE}`.trim(),
      ...(cpuProfileDir ? { DEPLOYLENS_BENCH_CPU_PROFILE: path.join(cpuProfileDir, "server.cpuprofile") } : {}),
    },
    /** The report, or null when the server did not write one (it was killed). Removes the temp folder. */
    read(): EventLoopReport | null {
      const report = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as EventLoopReport) : null;
      temp.remove();
      return report;
    },
  };
}
