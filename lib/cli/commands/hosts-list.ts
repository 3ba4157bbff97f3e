import { coveragePercent, formatPercent } from "@/lib/analysis/coverage-percent";
import { listHostSummaries } from "@/lib/hosts/list-host-summaries";
import type { Command } from "../command";
import { formatTable } from "../format-table";
import { printJson, printOut } from "../output";

export const hostsListCommand: Command = {
  words: ["hosts", "list"],
  synopsis: "hosts list [--json]",
  summary: "List saved hosts with their latest startup coverage, blocked startup modules and all-sources coverage.",
  options: { json: { type: "boolean", description: "Print JSON instead of text.", default: "off" } },
  positionals: { min: 0, max: 0 },
  async run(values) {
    // The same summaries the home page shows.
    const rows = (await listHostSummaries()).rows.map(({ host, latestOk }) => ({
      ...host,
      latestSnapshotId: latestOk?.id ?? null,
      startupPercent:
        latestOk && latestOk.startupClosure !== null
          ? coveragePercent(latestOk.startupFresh ?? 0, latestOk.startupClosure)
          : null,
      startupBlocked: latestOk?.startupBlocked ?? null,
      coveragePercent: latestOk ? coveragePercent(latestOk.fresh, latestOk.sources) : null,
    }));
    if (values.json) {
      printJson(rows);
      return 0;
    }
    if (rows.length === 0) {
      printOut("No hosts yet. Add one: deploylens hosts add NAME --local --app-root /path/to/app\n");
      return 0;
    }
    const table = rows.map((r) => [
      r.name,
      r.target,
      formatPercent(r.startupPercent),
      r.startupBlocked === null ? "–" : String(r.startupBlocked),
      formatPercent(r.coveragePercent),
      r.appRoots.join(" "),
    ]);
    printOut(formatTable(["NAME", "TARGET", "STARTUP", "BLOCKED", "ALL SOURCES", "APP ROOTS"], table));
    return 0;
  },
};
