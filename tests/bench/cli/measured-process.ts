import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { memoryOf } from "../rss/proc-status";

export type MeasuredRun = {
  ms: number;
  code: number | null;
  stdoutBytes: number;
  /** The last 4 KB of stderr, for error messages. */
  stderr: string;
  /** The child's peak resident set (VmHWM / ru_maxrss), in bytes. */
  peakRssBytes: number;
};

/** How peak RSS is read: GNU time's ru_maxrss from wait4() when installed (exact), else VmHWM polled every 10 ms. */
export const RSS_METHOD = fs.existsSync("/usr/bin/time") ? "/usr/bin/time -f %M" : "VmHWM polled every 10 ms";

/**
 * Runs a program to its end with stdout counted, not kept (a compare of 1M sources prints megabytes),
 * timed from spawn to exit. GNU time is not a dependency: without it /proc/PID/status is polled, which
 * can miss a peak reached in the last 10 ms.
 */
export function measuredProcess(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<MeasuredRun> {
  const useTime = RSS_METHOD.startsWith("/usr/bin/time");
  const rssFile = path.join(os.tmpdir(), `deploylens-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const command = useTime ? ["/usr/bin/time", "-f", "%M", "-o", rssFile, ...argv] : argv;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command[0]!, command.slice(1), { env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdoutBytes = 0;
    let stderr = "";
    let polledPeak = 0;
    const poll = useTime
      ? null
      : setInterval(() => {
          try {
            polledPeak = Math.max(polledPeak, memoryOf(child.pid!).peakBytes);
          } catch {
            // exited between two polls
          }
        }, 10);
    child.stdout.on("data", (chunk: Buffer) => (stdoutBytes += chunk.length));
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (poll) clearInterval(poll);
      let peakRssBytes = polledPeak;
      if (useTime) {
        // GNU time reports kilobytes; a failed command adds a "Command exited with non-zero status" line first.
        const lines = fs.readFileSync(rssFile, "utf8").trim().split("\n");
        peakRssBytes = Number(lines[lines.length - 1]) * 1024;
        fs.rmSync(rssFile, { force: true });
      }
      resolve({ ms, code, stdoutBytes, stderr, peakRssBytes });
    });
    child.stdin.end(options.stdin ?? "");
  });
}
