import type { SnapshotSummary } from "@/lib/snapshot/snapshot-summary";
import type { RetentionPolicy } from "./retention-policy";

export type RetentionRow = Pick<
  SnapshotSummary,
  | "id"
  | "hostId"
  | "takenAt"
  | "status"
  | "errorCode"
  | "sources"
  | "fresh"
  | "stale"
  | "missing"
  | "criticalFindings"
  | "warningFindings"
  | "configHash"
>;

const DAY_MS = 86_400_000;

/** What "the state changed" compares: outcome, coverage, findings and configuration. */
const stateOf = (r: RetentionRow) =>
  [
    r.status,
    r.errorCode,
    r.sources,
    r.fresh,
    r.stale,
    r.missing,
    r.criticalFindings,
    r.warningFindings,
    r.configHash,
  ].join("|");

/**
 * The snapshots a policy lets go, pure so the rule can be tested without a database. Per host, in time
 * order: keep every snapshot newer than keepAllDays, every baseline, every snapshot whose state differs
 * from the one before it (the first one included), and the last snapshot of each UTC day within
 * keepDailyDays. Removing only same-state snapshots keeps the answer the same however often it runs.
 */
export function selectPrunable(
  rows: RetentionRow[],
  policy: RetentionPolicy,
  baselines: Set<string>,
  now: Date,
): string[] {
  const recentFrom = now.getTime() - policy.keepAllDays * DAY_MS;
  const dailyFrom = policy.keepDailyDays === null ? -Infinity : now.getTime() - policy.keepDailyDays * DAY_MS;
  const byHost = new Map<string, RetentionRow[]>();
  for (const row of rows) {
    const list = byHost.get(row.hostId);
    if (list) list.push(row);
    else byHost.set(row.hostId, [row]);
  }
  const prunable: string[] = [];
  for (const hostRows of byHost.values()) {
    hostRows.sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
    hostRows.forEach((row, i) => {
      const time = row.takenAt.getTime();
      const previous = hostRows[i - 1];
      const next = hostRows[i + 1];
      const lastOfDay = !next || Math.floor(next.takenAt.getTime() / DAY_MS) !== Math.floor(time / DAY_MS);
      const keep =
        time >= recentFrom ||
        baselines.has(row.id) ||
        !previous ||
        stateOf(previous) !== stateOf(row) ||
        (lastOfDay && time >= dailyFrom);
      if (!keep) prunable.push(row.id);
    });
  }
  return prunable;
}
