import type { Inventory, Measurements } from "@/lib/snapshot/schema";
import type { SourceTable } from "@/lib/snapshot/source-table";
import type { Prediction } from "./impact/types";

/** One successful collection, as every analysis function takes it. */
export type SnapshotInput = {
  id: string;
  host: string;
  takenAt: string; // ISO 8601
  inventory: Inventory;
  measurements: Measurements | null;
  /**
   * A collection being stored keeps its sources packed: then the inventory's roots carry none, and these
   * hold them, index-aligned with the roots (read them through rootSources()).
   */
  sourceTables?: readonly SourceTable[];
  /**
   * What the rules found when the snapshot was stored (its view): what analyses a stored snapshot takes these
   * instead of running the rules over every source again.
   */
  findings?: Finding[];
};

export type Severity = "critical" | "warning" | "info";

/** Sort order: most severe first. */
export const SEVERITIES: readonly Severity[] = ["critical", "warning", "info"];

export type Evidence = { label: string; value: string };

/**
 * One ordered fix step; `code` holds unit-file lines or shell commands, ready to paste. `predicted`: what applying
 * the finding's fix leaves (blocked startup modules, startup coverage %) and the CPU-seconds per day it saves.
 */
export type FixStep = { text: string; code?: string; predicted?: Prediction };

export type Finding = {
  /** Stable kebab-case rule id: appears in URLs, exports and tests. */
  id: string;
  severity: Severity;
  title: string;
  /** The mechanism in plain words (consistent with docs/python-bytecode.md). */
  detail: string;
  evidence: Evidence[];
  fix: FixStep[];
  /** Only when the collector measured a start, e.g. "each process start: 412 ms measured …". */
  startupCost?: string;
  /**
   * Rules that explain modules compiled at every start: the source directories this finding owns (each
   * directory has one owner, so these add up to the snapshot's count) and the cause as a clause that
   * follows "because", e.g. "the service user nobody cannot write __pycache__ in 6 directories".
   */
  blocking?: { directories: number; cause: string };
};
