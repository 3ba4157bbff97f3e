import type { CpuSummary } from "../profile/cpu-profile-summary";
import type { Profiles } from "../profile/profiles";
import { count, millis, seconds } from "./format";
import { memoryMarkdown } from "./memory-markdown";

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

function cpuTable(summary: CpuSummary, what: "functions" | "files"): string[] {
  return [
    `| ${what === "functions" ? "Function (self time)" : "File or package (self time)"} | ms | share |`,
    "| --- | ---: | ---: |",
    ...summary[what].map(
      (entry) => `| \`${entry.name.replace(/\|/g, "\\|")}\` | ${count(entry.ms)} | ${percent(entry.share)} |`,
    ),
  ];
}

/** The profiles taken because a goal was missed (or --profile), summarised: top costs first. */
export function profileMarkdown(profiles: Profiles): string[] {
  const lines: string[] = [];
  const collection = profiles.collection;
  if (collection) {
    const rest = collection.collectorMs === null ? null : collection.totalMs - collection.collectorMs;
    lines.push(
      "### Profile of one snapshot",
      "",
      `Profiled snapshot: ${seconds(collection.totalMs)} end to end, of which the collector ran ${collection.collectorMs === null ? "an unknown time" : seconds(collection.collectorMs)} on the target` +
        (rest === null
          ? "."
          : ` and ${seconds(rest)} went to connecting, transfer and the dashboard side (parse, validate, store).`),
      "",
      `**Dashboard process** (V8 sampling profile of collectHost: ${seconds(collection.node.totalMs)} sampled, of which ${seconds(collection.node.idleMs)} idle, i.e. waiting for the network and the target; shares are of all sampled time):`,
      "",
      ...cpuTable(collection.node, "files"),
      "",
      ...cpuTable(collection.node, "functions"),
      "",
    );
    if ("error" in collection.python) lines.push(`Collector under cProfile: failed (${collection.python.error}).`, "");
    else {
      lines.push(
        `**Collector (collect.py under cProfile on the same machine and user, ${seconds(collection.python.wallMs)} wall with profiling, ${seconds(collection.python.profiledMs)} in profiled functions):**`,
        "",
        "| Function | calls | self ms | cumulative ms |",
        "| --- | ---: | ---: | ---: |",
        ...collection.python.top.map(
          (row) =>
            `| \`${row.function.replace(/\|/g, "\\|")}\` | ${count(row.calls)} | ${count(row.selfMs)} | ${count(row.cumulativeMs)} |`,
        ),
        "",
      );
    }
  }
  if (profiles.memory) lines.push(...memoryMarkdown(profiles.memory));
  if (profiles.compare) {
    lines.push(
      `### Profile of compare() (${millis(profiles.compare.totalMs)} sampled)`,
      "",
      ...cpuTable(profiles.compare, "functions"),
      "",
    );
  }
  return lines;
}
