import type { ProgressEvent } from "@/lib/snapshot/collector-events";

const WIDTH = 24;

export type Progress = {
  update(host: string, event: ProgressEvent): void;
  hostDone(): void;
  clear(): void;
};

const silent: Progress = { update() {}, hostDone() {}, clear() {} };

/**
 * One redrawn line on a terminal: hosts done out of all, and what the running host is scanning.
 * Nothing at all when the stream is not a TTY, so pipes, cron mail and CI logs stay clean.
 */
export function progressBar(stream: NodeJS.WriteStream, total: number): Progress {
  if (!stream.isTTY) return silent;
  let done = 0;
  let status = "connecting";
  const draw = () => {
    const filled = Math.round((done / total) * WIDTH);
    const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
    const line = `${bar} ${done}/${total} hosts · ${status}`;
    stream.write(`\r\x1b[K${line.slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`);
  };
  draw();
  return {
    update(host, event) {
      status = `${host}: ${event.phase}, ${event.dirs} directories, ${event.files} files`;
      draw();
    },
    hostDone() {
      done += 1;
      draw();
    },
    clear() {
      stream.write("\r\x1b[K");
    },
  };
}
