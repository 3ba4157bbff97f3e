import "server-only";
import { findSnapshot, findPreviousOkSnapshot, getSnapshotOrThrow } from "@/lib/db/queries/snapshots";
import { updateSnapshotRegressions } from "@/lib/db/queries/regressions";
import { detectRegressions } from "./detect-regressions";
import type { Regression } from "./regression";

/** Finds and stores a new snapshot's regressions against its predecessor and its host's baseline. */
export async function recordRegressions(
  snapshotId: string,
): Promise<{ hostName: string; takenAt: Date; regressions: Regression[] }> {
  const row = await getSnapshotOrThrow(snapshotId);
  const [previous, baseline] = await Promise.all([
    findPreviousOkSnapshot(row.hostId, row.takenAt),
    row.host.baselineSnapshotId ? findSnapshot(row.host.baselineSnapshotId) : null,
  ]);
  const regressions = detectRegressions(row, previous, baseline?.hostId === row.hostId ? baseline : null);
  if (regressions.length) await updateSnapshotRegressions(row.id, JSON.stringify(regressions));
  return { hostName: row.host.name, takenAt: row.takenAt, regressions };
}
