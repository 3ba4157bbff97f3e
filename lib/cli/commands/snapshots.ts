import { coveragePercent, formatPercent, startupCoveragePercent } from "@/lib/analysis/coverage-percent";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { listSnapshots } from "@/lib/db/queries/snapshots";
import type { Command } from "../command";
import { formatTable } from "../format-table";
import { intOption } from "../option-values";
import { printJson, printOut } from "../output";

export const snapshotsCommand: Command = {
  words: ["snapshots"],
  synopsis: "snapshots NAME [--limit N] [--json]",
  summary: "A host's snapshots, newest first: coverage, findings, regressions; the baseline is marked.",
  options: {
    json: { type: "boolean", description: "Print JSON instead of text.", default: "off" },
    limit: { type: "string", value: "N", description: "Show at most N snapshots.", default: "200" },
  },
  positionals: { min: 1, max: 1 },
  async run(values, [name]) {
    const host = await getHostOrThrow(name!);
    const rows = (await listSnapshots(host.id, { take: intOption(values, "limit") ?? 200 })).map((s) => ({
      id: s.id,
      takenAt: s.takenAt.toISOString(),
      status: s.status,
      errorCode: s.errorCode,
      startupPercent: startupCoveragePercent(s),
      startupBlocked: s.status === "ok" ? s.startupBlocked : null,
      coveragePercent: s.status === "ok" ? coveragePercent(s.fresh, s.sources) : null,
      sources: s.sources,
      criticalFindings: s.criticalFindings,
      warningFindings: s.warningFindings,
      baseline: s.id === host.baselineSnapshotId,
      regressions: s.regressions ?? [],
    }));
    if (values.json) {
      printJson(rows);
      return 0;
    }
    const table = rows.map((r) => [
      r.id,
      r.takenAt.replace("T", " ").slice(0, 19),
      r.status === "ok" ? formatPercent(r.startupPercent) : `failed: ${r.errorCode}`,
      r.startupBlocked === null ? "–" : String(r.startupBlocked),
      formatPercent(r.coveragePercent),
      `${r.criticalFindings}/${r.warningFindings}`,
      [r.baseline ? "baseline" : "", r.regressions.length ? "REGRESSION" : ""].filter(Boolean).join(" "),
    ]);
    printOut(formatTable(["ID", "TAKEN (UTC)", "STARTUP", "BLOCKED", "ALL SOURCES", "CRIT/WARN", "MARKS"], table));
    return 0;
  },
};
