import type { StartupCounts } from "../startup-coverage";
import { coveragePercent } from "../coverage-percent";
import type { Finding } from "../types";
import { round3 } from "./range";
import type { Impact, Prediction } from "./types";

/** The two snapshots of one host a fix happened between: the findings (with predictions) and measurements of each. */
export type OutcomeSide = {
  id: string;
  findings: Finding[];
  impact: Impact | null;
  startup: StartupCounts | null;
  /** The measured compile cost of the blocked modules (ms of the first pass). */
  measuredMs: number | null;
};

export type FixOutcome = {
  findingId: string;
  title: string;
  predicted: Prediction;
  measured: { blocked: number | null; startupCoverage: number | null; cpuSecondsPerDay: number | null };
  /** The measured saving lies in the predicted range (null when either is unknown). */
  withinPrediction: boolean | null;
};

/** CPU-seconds per day at the earlier snapshot's starts per day, so a change in the start rate is not taken for the fix. */
function pointCost(side: OutcomeSide, rate: Impact | null): number | null {
  if (!rate?.startsPerDay || side.measuredMs === null) return null;
  const processes = side.impact?.processesPerStart.value ?? rate.processesPerStart.value;
  return (side.measuredMs * processes * rate.startsPerDay.value) / 1000;
}

/**
 * Each finding of `before` that `after` no longer has: what its fix predicted, beside what the next snapshot
 * measured (blocked modules, startup coverage, and CPU-seconds per day saved).
 */
export function fixOutcomes(before: OutcomeSide, after: OutcomeSide): FixOutcome[] {
  const still = new Set(after.findings.map((f) => f.id));
  const before$ = pointCost(before, before.impact);
  const after$ = pointCost(after, before.impact);
  const saved = before$ !== null && after$ !== null ? round3(before$ - after$) : null;
  const out: FixOutcome[] = [];
  for (const finding of before.findings) {
    const predicted = finding.fix[0]?.predicted;
    if (still.has(finding.id) || !predicted) continue;
    const range = predicted.cpuSecondsPerDay;
    out.push({
      findingId: finding.id,
      title: finding.title,
      predicted,
      measured: {
        blocked: after.startup?.blocked ?? null,
        startupCoverage: after.startup ? coveragePercent(after.startup.fresh, after.startup.modules) : null,
        cpuSecondsPerDay: saved,
      },
      withinPrediction: range && saved !== null ? saved >= range.low - 0.001 && saved <= range.high + 0.001 : null,
    });
  }
  return out;
}
