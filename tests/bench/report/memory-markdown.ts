import type { HeapSummary } from "../profile/heap-profile-summary";
import type { MemoryProfile } from "../profile/profiles";
import { bytes } from "./format";

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function allocationTable(summary: HeapSummary, what: "functions" | "files"): string[] {
  return [
    `| ${what === "functions" ? "Allocating function" : "Allocating file or package"} | allocated | share |`,
    "| --- | ---: | ---: |",
    ...summary[what].map(
      (entry) => `| \`${entry.name.replace(/\|/g, "\\|")}\` | ${bytes(entry.bytes)} | ${percent(entry.share)} |`,
    ),
  ];
}

/** Where one snapshot's memory goes, measured in a bench process running the same lib code as the dashboard. */
export function memoryMarkdown(profile: MemoryProfile): string[] {
  const { memory, allocations } = profile;
  const peak = memory.sampledPeak;
  return [
    "### Memory of one snapshot",
    "",
    `Measured in a bench process running collectHost (the same lib code as the dashboard, without Next): peak RSS (VmHWM) ${bytes(memory.vmHwmBefore)} before → ` +
      `${bytes(memory.vmHwmAfter)} after (+${bytes(memory.vmHwmAfter - memory.vmHwmBefore)}); RSS was ${bytes(memory.rssBefore)} when it started. ` +
      `Highest values sampled every 10 ms: RSS ${bytes(peak.rss)}, V8 heap used ${bytes(peak.heapUsed)}, external ${bytes(peak.external)} (of which ArrayBuffers ${bytes(peak.arrayBuffers)}).`,
    "",
    `Bytes allocated during the snapshot by allocation site (V8 sampling heap profiler, collected objects included; ${bytes(allocations.totalBytes)} in all — ` +
      "allocation volume, not what was alive at once, but the large entries are what the peak is made of):",
    "",
    ...allocationTable(allocations, "files"),
    "",
    ...allocationTable(allocations, "functions"),
    "",
  ];
}
