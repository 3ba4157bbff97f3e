import fs from "node:fs";
import { Session } from "node:inspector/promises";

/** Peaks of the process while `work` ran, in bytes; VmHWM is the kernel's exact peak RSS. */
export type MemoryFigures = {
  vmHwmBefore: number;
  vmHwmAfter: number;
  rssBefore: number;
  /** Highest values seen by sampling every 10 ms (long synchronous steps can hide a peak from it). */
  sampledPeak: { rss: number; heapUsed: number; external: number; arrayBuffers: number };
};

export const vmHwm = () =>
  Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"))?.[1] ?? NaN) * 1024;

/**
 * Runs `work` while sampling memory, and with V8's sampling heap profiler recording every allocation
 * site (objects already collected included), written as a .heapprofile to `file`.
 */
export async function heapProfiled<T>(
  file: string,
  work: () => Promise<T>,
): Promise<{ result: T; memory: MemoryFigures }> {
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.enable");
  // Collected objects count too: what matters is what was alive at the peak, not what survives it.
  // (V8 knows these flags; @types/node does not list them yet.)
  const sampling = {
    samplingInterval: 64 * 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  };
  await session.post("HeapProfiler.startSampling", sampling);
  const memory: MemoryFigures = {
    vmHwmBefore: vmHwm(),
    vmHwmAfter: 0,
    rssBefore: process.memoryUsage().rss,
    sampledPeak: { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 },
  };
  const sample = () => {
    const now = process.memoryUsage();
    const peak = memory.sampledPeak;
    memory.sampledPeak = {
      rss: Math.max(peak.rss, now.rss),
      heapUsed: Math.max(peak.heapUsed, now.heapUsed),
      external: Math.max(peak.external, now.external),
      arrayBuffers: Math.max(peak.arrayBuffers, now.arrayBuffers),
    };
  };
  const timer = setInterval(sample, 10);
  try {
    const result = await work();
    sample();
    memory.vmHwmAfter = vmHwm();
    return { result, memory };
  } finally {
    clearInterval(timer);
    const { profile } = await session.post("HeapProfiler.stopSampling");
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}
