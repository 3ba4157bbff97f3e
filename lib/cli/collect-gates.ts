import type { SnapshotSummary } from "@/lib/snapshot/snapshot-summary";
import { startupCoveragePercent } from "@/lib/analysis/coverage-percent";

export type FailOn = "critical" | "warning";
export type Gates = { failUnder?: number; failOn?: FailOn };
export type GatedSnapshot = { host: string } & Pick<
  SnapshotSummary,
  "status" | "sources" | "fresh" | "startupClosure" | "startupFresh" | "criticalFindings" | "warningFindings"
>;

/** Why a successful snapshot fails the CI gates, one message each (empty when it passes). */
export function gateFailures(s: GatedSnapshot, gates: Gates): string[] {
  if (s.status !== "ok") return [];
  const out: string[] = [];
  const percent = startupCoveragePercent(s);
  // No sources at all is usually a wrong app root: a gate that asked for coverage must not pass on it.
  if (gates.failUnder !== undefined && percent === null)
    out.push(`${s.host}: no startup modules or sources found, coverage unknown`);
  if (gates.failUnder !== undefined && percent !== null && percent < gates.failUnder) {
    out.push(`${s.host}: startup coverage ${percent}% is below ${gates.failUnder}%`);
  }
  if (gates.failOn && s.criticalFindings > 0) out.push(`${s.host}: ${s.criticalFindings} critical finding(s)`);
  if (gates.failOn === "warning" && s.warningFindings > 0)
    out.push(`${s.host}: ${s.warningFindings} warning finding(s)`);
  return out;
}
