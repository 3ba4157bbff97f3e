import type { SnapshotSummary, SummaryCounts } from "@/lib/snapshot/snapshot-summary";
import { blockedModules } from "./blocked-modules";
import type { Regression } from "@/lib/snapshot/regression";
import { startupCoveragePercent } from "@/lib/analysis/coverage-percent";

export type RegressionRow = Pick<SnapshotSummary, "id" | "status" | "criticalFindingIds"> & SummaryCounts;

/** Points of startup coverage a snapshot may lose before it is a regression (DEPLOYLENS_REGRESSION_THRESHOLD). */
export function regressionThreshold(): number {
  const configured = Number(process.env.DEPLOYLENS_REGRESSION_THRESHOLD);
  return process.env.DEPLOYLENS_REGRESSION_THRESHOLD && Number.isFinite(configured) && configured >= 0 ? configured : 5;
}

/**
 * A critical finding the earlier snapshot did not have, by identity (rule id): one that replaces another
 * is new even though the count stays. Rows from before ids were recorded fall back to the count.
 */
function newCritical(current: RegressionRow, earlier: RegressionRow): string | null {
  const [now, before] = [current.criticalFindingIds, earlier.criticalFindingIds];
  if (now && before) {
    const added = now.filter((id) => !before.includes(id));
    return added.length ? `new critical finding${added.length > 1 ? "s" : ""}: ${added.join(", ")}` : null;
  }
  if (current.criticalFindings <= earlier.criticalFindings) return null;
  return `critical findings rose from ${earlier.criticalFindings} to ${current.criticalFindings}`;
}

function against(
  current: RegressionRow,
  earlier: RegressionRow,
  label: Regression["against"],
  threshold: number,
): Regression[] {
  const found: Regression[] = [];
  const base = { against: label, againstSnapshotId: earlier.id };
  const [now, before] = [startupCoveragePercent(current), startupCoveragePercent(earlier)];
  if (now !== null && before !== null && before - now > threshold) {
    found.push({
      ...base,
      kind: "coverage-drop",
      message: `startup coverage fell from ${before}% to ${now}% (vs ${label})`,
    });
  }
  const [blockedNow, blockedBefore] = [blockedModules(current), blockedModules(earlier)];
  if (blockedNow !== null && blockedBefore !== null && blockedNow > blockedBefore) {
    found.push({
      ...base,
      kind: "blocked-rise",
      message: `blocked modules rose from ${blockedBefore} to ${blockedNow} (vs ${label})`,
    });
  }
  const critical = newCritical(current, earlier);
  if (critical) found.push({ ...base, kind: "new-critical", message: `${critical} (vs ${label})` });
  return found;
}

/** A successful snapshot against the previous successful one and the baseline (when they differ from it). */
export function detectRegressions(
  current: RegressionRow,
  previous: RegressionRow | null,
  baseline: RegressionRow | null,
  threshold = regressionThreshold(),
): Regression[] {
  if (current.status !== "ok") return [];
  const found = previous && previous.status === "ok" ? against(current, previous, "previous", threshold) : [];
  if (baseline && baseline.status === "ok" && baseline.id !== current.id && baseline.id !== previous?.id) {
    found.push(...against(current, baseline, "baseline", threshold));
  }
  return found;
}
