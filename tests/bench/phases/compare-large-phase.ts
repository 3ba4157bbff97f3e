import path from "node:path";
import { deploylensOk } from "../cli/bench-cli";
import type { CliRun, CompareLarge } from "../cli/cli-figures-data";
import { storeLargeSnapshots } from "../large/store-large";
import { bytes, count, seconds } from "../report/format";

/** Where the phase stores its database (large.db, store-large.ts): the dashboard's compare page reads it too. */
export const compareLargeDir = (workDir: string) => path.join(workDir, "compare-large");

const slim = ({ ms, peakRssBytes, stdoutBytes }: CliRun): CliRun => ({ ms, peakRssBytes, stdoutBytes });

/**
 * --million: two snapshots of `sources` generated files stored into one database (through recordSnapshot, as a
 * collection stores them), then `deploylens compare large-a large-b` as users run it, Markdown and --json
 * alternating, up to 3 runs each (a compiled tree of a million files takes over an hour to build; compare reads
 * only what was stored, so generated inventories measure it the same way).
 */
export async function compareLargePhase(
  workDir: string,
  sources: number,
  runs: number,
  log: (line: string) => void,
): Promise<CompareLarge> {
  log(`compare at ${count(sources)} sources: generating and storing two snapshots …`);
  const stored = await storeLargeSnapshots(compareLargeDir(workDir), sources);
  log(
    `  stored in ${stored.storeMs.map(seconds).join(" and ")} (generated in ${stored.generateMs.map(seconds).join(" and ")})`,
  );
  const result: CompareLarge = {
    sources,
    made:
      `two inventories generated in the bench tree's layout and fates (variants a and b, as tests/bench/tree/tree-layout.ts ` +
      `plans them; no files written), validated by inventorySchema and stored by recordSnapshot into one SQLite file`,
    generateMs: stored.generateMs,
    storeMs: stored.storeMs,
    markdown: [],
    json: [],
  };
  for (let run = 0; run < Math.min(runs, 3); run++) {
    const markdown = slim(await deploylensOk(["compare", "large-a", "large-b"], stored.databaseFile));
    const json = slim(await deploylensOk(["compare", "large-a", "large-b", "--json"], stored.databaseFile));
    result.markdown.push(markdown);
    result.json.push(json);
    log(
      `CLI compare of two ${count(sources)}-source snapshots: ${seconds(markdown.ms)}, peak RSS ${bytes(markdown.peakRssBytes)}; ` +
        `--json ${seconds(json.ms)}, peak RSS ${bytes(json.peakRssBytes)}`,
    );
  }
  return result;
}
