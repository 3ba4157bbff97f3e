import type { Measurements } from "@/lib/snapshot/schema";

/** What one collection cost the target, as the CLI and the snapshot page say it; null when not measured. */
export function targetCostText(target: Measurements["target"], collectedMs: number): string | null {
  if (!target) return null;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const megabytes = `${Math.round(target.peakBytes / 1024 / 1024)} MB`;
  return `${seconds(target.cpuMs)} of CPU in ${seconds(collectedMs)}, ${megabytes} of memory at most (its largest process)`;
}
