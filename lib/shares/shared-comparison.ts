import "server-only";
import { compare } from "@/lib/compare/compare";
import { toSnapshotInput } from "@/lib/db/load-snapshot";
import { findSnapshot } from "@/lib/db/queries/snapshots";
import { findLiveShare } from "./shares";

/** A public link's comparison, while the link lives and both its snapshots have an inventory; else null. */
export async function findSharedComparison(token: string) {
  const share = await findLiveShare(token);
  if (!share) return null;
  const [left, right] = await Promise.all([findSnapshot(share.leftSnapshotId), findSnapshot(share.rightSnapshotId)]);
  const [leftInput, rightInput] = await Promise.all([left && toSnapshotInput(left), right && toSnapshotInput(right)]);
  if (!leftInput || !rightInput) return null;
  return { comparison: compare(leftInput, rightInput), expiresAt: share.expiresAt };
}
