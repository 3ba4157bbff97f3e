import type { CoverageCounts } from "@/lib/analysis/coverage";
import { startupCoverageOf } from "@/lib/analysis/startup-coverage";
import type { Finding, SnapshotInput } from "@/lib/analysis/types";
import type { MetricRow } from "./types";

/** A side with its overall coverage and its findings. */
export type SideFigures = { input: SnapshotInput; overall: CoverageCounts; findings: Finding[] };

type Metric = { key: string; label: string; value: (s: SideFigures) => number | null };

const count = (severity: Finding["severity"]) => (s: SideFigures) =>
  s.findings.filter((f) => f.severity === severity).length;

/**
 * Directories whose modules are compiled at every start because their bytecode cannot be written: the
 * same count the findings give (each such directory has one owning finding). Directories that are not
 * writable but hold only fresh pycs cost nothing and are not counted.
 */
const blockedDirectories = (s: SideFigures) => s.findings.reduce((n, f) => n + (f.blocking?.directories ?? 0), 0);

const startup = (s: SideFigures) => startupCoverageOf(s.input.inventory.startup);

/** Startup coverage and blocked lead; all-sources coverage follows, labelled as such. */
const METRICS: readonly Metric[] = [
  { key: "startupPercent", label: "Startup coverage %", value: (s) => startup(s)?.percent ?? null },
  { key: "startupBlocked", label: "Blocked startup modules", value: (s) => startup(s)?.blocked ?? null },
  { key: "startupClosure", label: "Startup modules", value: (s) => startup(s)?.modules ?? null },
  { key: "startupFresh", label: "Startup modules fresh", value: (s) => startup(s)?.fresh ?? null },
  { key: "percent", label: "Coverage % (all sources)", value: (s) => s.overall.percent },
  { key: "sources", label: "Sources", value: (s) => s.overall.sources },
  { key: "fresh", label: "Fresh", value: (s) => s.overall.fresh },
  { key: "stale", label: "Stale", value: (s) => s.overall.stale },
  { key: "missing", label: "Missing", value: (s) => s.overall.missing },
  { key: "unreadable", label: "Unreadable", value: (s) => s.overall.unreadable },
  { key: "notWritable", label: "Bytecode dirs not writable", value: blockedDirectories },
  { key: "startupMs", label: "Blocked modules compile ms", value: (s) => s.input.measurements?.startup?.ms ?? null },
  {
    key: "startupModules",
    label: "Blocked modules measured",
    value: (s) => s.input.measurements?.startup?.modules ?? null,
  },
  { key: "critical", label: "Critical findings", value: count("critical") },
  { key: "warning", label: "Warnings", value: count("warning") },
  { key: "info", label: "Info findings", value: count("info") },
];

/** Headline metrics side by side; delta = right − left (one decimal), null when either is unknown. */
export function headlineRows(left: SideFigures, right: SideFigures): { rows: MetricRow[]; differences: number } {
  const rows = METRICS.map(({ key, label, value }) => {
    const l = value(left);
    const r = value(right);
    return { key, label, left: l, right: r, delta: l === null || r === null ? null : Math.round((r - l) * 10) / 10 };
  });
  return { rows, differences: rows.filter((r) => r.left !== r.right).length };
}
