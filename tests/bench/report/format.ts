export const seconds = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`);
export const millis = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
export const times = (ratio: number) => `${ratio.toFixed(ratio < 10 ? 2 : 1)}×`;
export const count = (n: number) => n.toLocaleString("en");

/** Decimal units (1 MB = 1,000,000 bytes), the stricter reading of the goals. */
export function bytes(n: number): string {
  if (Math.abs(n) >= 1e10) return `${(n / 1e9).toFixed(1)} GB`;
  if (Math.abs(n) >= 1e6) return `${(n / 1e6).toFixed(2)} MB`;
  if (Math.abs(n) >= 1e3) return `${(n / 1e3).toFixed(1)} KB`;
  return `${n} B`;
}
