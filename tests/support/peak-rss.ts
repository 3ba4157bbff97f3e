import fs from "node:fs";

/**
 * Follows a running process's peak resident set: its VmHWM, read from /proc now and every `everyMs` until
 * stop(), which returns the highest in bytes. VmHWM only grows, so a process that exits between two reads
 * keeps the last one read; 0 when none succeeded.
 */
export function followPeakRss(pid: number, everyMs = 50): { stop(): number } {
  let peak = 0;
  const sample = () => {
    try {
      const kb = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
      if (kb) peak = Math.max(peak, Number(kb) * 1024);
    } catch {
      // exited between two reads: the last one stands
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
