import type { Regression } from "./regression";

/**
 * A stored snapshot's summary columns: what lists, the history chart, the CLI's gates, regressions and retention
 * read instead of the inventory. The one declaration; each reader takes the columns it needs with Pick.
 * Its JSON columns (`criticalFindingIds`, `regressions`) are data, as the queries return them.
 */

export type SnapshotSummary = {
  id: string;
  hostId: string;
  takenAt: Date;
  /** "ok" | "failed" */
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
  truncated: boolean;
  sources: number;
  fresh: number;
  stale: number;
  missing: number;
  interpreterVersion: string | null;
  serviceUser: string | null;
  configHash: string | null;
  criticalFindings: number;
  /** The critical findings' rule ids; null on failed snapshots and those stored before they were recorded. */
  criticalFindingIds: string[] | null;
  warningFindings: number;
  startupMs: number | null;
  startupModules: number | null;
  startupClosure: number | null;
  startupFresh: number | null;
  startupBlocked: number | null;
  durationMs: number;
  /** The regressions found when the snapshot was stored; null = none. */
  regressions: Regression[] | null;
};

/** The counts a snapshot is judged by: coverage, the startup closure, critical findings. */
export type SummaryCounts = Pick<
  SnapshotSummary,
  "sources" | "fresh" | "stale" | "missing" | "startupClosure" | "startupFresh" | "startupBlocked" | "criticalFindings"
>;
