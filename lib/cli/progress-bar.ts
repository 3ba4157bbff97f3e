import type { ProgressEvent } from "@/lib/snapshot/collector-events";
import { safeText } from "./safe-text";
import { progressLine, type ProgressState } from "./progress-line";

export type Progress = {
  update(host: string, event: ProgressEvent): void;
  hostDone(): void;
  clear(): void;
};

const silent: Progress = { update() {}, hostDone() {}, clear() {} };
const REDRAW_MS = 250;

/** Progress is for a person at a terminal: never when the output goes to a file, a pipe, cron mail or CI. */
export function showsProgress(stdout: { isTTY?: boolean }, stderr: { isTTY?: boolean }): boolean {
  return Boolean(stdout.isTTY && stderr.isTTY);
}

/**
 * One line on stderr, redrawn in place every quarter second (the elapsed time moves even while a phase
 * takes long) and whenever a host reports; nothing at all unless showsProgress().
 */
export function progressBar(total: number, streams = { stdout: process.stdout, stderr: process.stderr }): Progress {
  if (!showsProgress(streams.stdout, streams.stderr)) return silent;
  const stream = streams.stderr;
  const started = Date.now();
  const state: ProgressState = { host: null, progress: null, elapsedMs: 0, done: 0, total };
  const draw = () => {
    state.elapsedMs = Date.now() - started;
    const line = safeText(progressLine(state));
    stream.write(`\r\x1b[K${line.slice(0, Math.max(20, (stream.columns || 80) - 1))}`);
  };
  const timer = setInterval(draw, REDRAW_MS);
  timer.unref();
  draw();
  return {
    update(host, event) {
      state.host = host;
      state.progress = { phase: event.phase, dirs: event.dirs, files: event.files };
      draw();
    },
    hostDone() {
      state.done += 1;
      draw();
    },
    clear() {
      clearInterval(timer);
      stream.write("\r\x1b[K");
    },
  };
}
