import type { SnapshotSummary } from "@/lib/snapshot/snapshot-summary";
import { coveragePercent } from "@/lib/analysis/coverage-percent";

/** A summary row as the page hands it to the chart: `takenAt` as ISO text. */
export type HistoryRow = { takenAt: string } & Pick<
  SnapshotSummary,
  "id" | "status" | "sources" | "fresh" | "startupClosure" | "startupFresh" | "startupBlocked" | "configHash"
> &
  // Optional: rows read before the chart stacked or compared them; absent counts as 0, or "not compared".
  Partial<
    Pick<
      SnapshotSummary,
      "stale" | "missing" | "regressions" | "interpreterVersion" | "criticalFindings" | "warningFindings"
    >
  >;
/** `startup` is the line (startup coverage %), `blocked` the second series; null before closures were collected. */
export type HistoryPoint = {
  id: string;
  /** Epoch ms: the chart's x, on a true time axis (a 24 s gap and a 10 min gap look different). */
  t: number;
  when: string;
  startup: number | null;
  blocked: number | null;
  allSources: number | null;
  /** Shares of all sources, in %, stacked under the line: fresh + stale + missing fill the column. */
  freshShare: number | null;
  staleShare: number | null;
  missingShare: number | null;
  configChanged: boolean;
  regression: boolean;
  /** One sentence per thing that differs from the previous point: the chart's marker tooltip. */
  changes: string[];
};

const findingsText = (row: HistoryRow) => `${row.criticalFindings ?? 0} critical, ${row.warningFindings ?? 0} warning`;

/** What differs between two consecutive successful snapshots: service config, interpreter, open findings. */
export function describeChanges(before: HistoryRow, after: HistoryRow): string[] {
  const changes: string[] = [];
  if (after.configHash !== before.configHash) changes.push("service configuration changed");
  if (
    after.interpreterVersion !== undefined &&
    before.interpreterVersion !== undefined &&
    after.interpreterVersion !== before.interpreterVersion
  )
    changes.push(`interpreter ${before.interpreterVersion ?? "unknown"} → ${after.interpreterVersion ?? "unknown"}`);
  const counted = after.criticalFindings !== undefined && before.criticalFindings !== undefined;
  if (
    counted &&
    (after.criticalFindings !== before.criticalFindings || after.warningFindings !== before.warningFindings)
  )
    changes.push(`findings ${findingsText(before)} → ${findingsText(after)}`);
  // Fewer startup modules compiled at every start: a fix took effect (the snapshot page shows predicted vs measured).
  if (before.startupBlocked !== null && after.startupBlocked !== null && after.startupBlocked < before.startupBlocked)
    changes.push(`blocked startup modules ${before.startupBlocked} → ${after.startupBlocked} (a fix took effect)`);
  return changes;
}

/** Successful snapshots oldest first, each with what changed since the one before. */
export function historyPoints(rows: HistoryRow[]): HistoryPoint[] {
  const ok = rows.filter((r) => r.status === "ok").sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  return ok.map((row, i) => {
    const changes = i > 0 ? describeChanges(ok[i - 1]!, row) : [];
    return {
      id: row.id,
      t: Date.parse(row.takenAt),
      when: row.takenAt.replace("T", " ").slice(0, 19),
      startup: row.startupClosure === null ? null : coveragePercent(row.startupFresh ?? 0, row.startupClosure),
      blocked: row.startupBlocked,
      allSources: coveragePercent(row.fresh, row.sources),
      freshShare: coveragePercent(row.fresh, row.sources),
      staleShare: coveragePercent(row.stale ?? 0, row.sources),
      missingShare: coveragePercent(row.missing ?? 0, row.sources),
      configChanged: i > 0 && row.configHash !== ok[i - 1]!.configHash,
      regression: Boolean(row.regressions),
      changes,
    };
  });
}
