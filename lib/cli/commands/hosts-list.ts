import { startupPercent } from "@/lib/analysis/startup-coverage";
import { listHostSummaries } from "@/lib/hosts/list-host-summaries";
import type { Command } from "../command";
import { formatTable } from "../format-table";

export const hostsListCommand: Command = {
  words: ["hosts", "list"],
  synopsis: "hosts list [--json]",
  summary: "List saved hosts with their latest startup coverage, blocked startup modules and all-sources coverage.",
  options: { json: { type: "boolean" } },
  positionals: { min: 0, max: 0 },
  async run(values) {
    // The same summaries the home page shows.
    const rows = (await listHostSummaries()).map(({ host, latestOk }) => ({
      ...host,
      latestSnapshotId: latestOk?.id ?? null,
      startupPercent: latestOk && latestOk.startupClosure !== null ? startupPercent(latestOk.startupFresh ?? 0, latestOk.startupClosure) : null,
      startupBlocked: latestOk?.startupBlocked ?? null,
      coveragePercent: latestOk ? startupPercent(latestOk.fresh, latestOk.sources) : null,
    }));
    if (values.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      process.stdout.write("No hosts yet. Add one: deploylens hosts add NAME --local --app-root /path/to/app\n");
      return 0;
    }
    const pct = (n: number | null) => (n === null ? "–" : `${n}%`);
    const table = rows.map((r) => [r.name, r.target, pct(r.startupPercent), r.startupBlocked === null ? "–" : String(r.startupBlocked), pct(r.coveragePercent), r.appRoots.join(" ")]);
    process.stdout.write(formatTable(["NAME", "TARGET", "STARTUP", "BLOCKED", "ALL SOURCES", "APP ROOTS"], table));
    return 0;
  },
};
