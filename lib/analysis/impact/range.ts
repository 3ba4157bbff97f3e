import type { Range } from "./types";

/** Rounds to 3 decimals (milliseconds of CPU per day are noise below that). */
export const round3 = (n: number) => Math.round(n * 1000) / 1000;

export const scaleRange = (r: Range, by: number): Range => ({ low: round3(r.low * by), high: round3(r.high * by) });

export const addRanges = (a: Range, b: Range): Range => ({ low: round3(a.low + b.low), high: round3(a.high + b.high) });

/** "1.2–1.5" or "1.2" when both ends agree. */
export function formatRange(r: Range, unit: string): string {
  return r.low === r.high ? `${r.low} ${unit}` : `${r.low}–${r.high} ${unit}`;
}
