import "server-only";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { findSnapshot, findPreviousOkSnapshot } from "@/lib/db/queries/snapshots";
import { detectRegressions, type RegressionRow } from "./detect-regressions";
import type { Regression } from "@/lib/snapshot/regression";

type NewSnapshot = Omit<RegressionRow, "id"> & { hostId: string; takenAt: Date };

/**
 * A snapshot's regressions against its predecessor and its host's baseline, found before its row is written
 * so the row is stored once, complete.
 */
export async function regressionsBeforeInsert(snapshot: NewSnapshot): Promise<Regression[]> {
  const host = await getHostOrThrow(snapshot.hostId);
  const [previous, baseline] = await Promise.all([
    findPreviousOkSnapshot(snapshot.hostId, snapshot.takenAt),
    host.baselineSnapshotId ? findSnapshot(host.baselineSnapshotId) : null,
  ]);
  // Not stored yet: no earlier snapshot can have this id.
  const current: RegressionRow = { ...snapshot, id: "" };
  return detectRegressions(current, previous, baseline?.hostId === snapshot.hostId ? baseline : null);
}
