import "server-only";
import { compareStored } from "@/lib/compare/compare-stored";
import { findSnapshot } from "@/lib/db/queries/snapshots";
import { findLiveShare } from "./shares";

/** A public link's comparison, while the link lives and both its snapshots have an inventory; else null. */
export async function findSharedComparison(token: string) {
  const share = await findLiveShare(token);
  if (!share) return null;
  const [left, right] = await Promise.all([findSnapshot(share.leftSnapshotId), findSnapshot(share.rightSnapshotId)]);
  if (left?.status !== "ok" || right?.status !== "ok" || !left.blobSha256 || !right.blobSha256) return null;
  return { comparison: await compareStored(left, right), expiresAt: share.expiresAt };
}
