import type { Finding } from "./types";

/**
 * What identifies the critical findings of a snapshot, for "a new critical finding appeared": their rule
 * ids, sorted. A rule reports at most one finding per snapshot (diagnostics/rule.ts), so the id is the
 * finding's identity; its evidence (which directories, how many) is its detail, and changes in it are not
 * a new finding.
 */
export function criticalFindingIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.filter((f) => f.severity === "critical").map((f) => f.id))].sort();
}
