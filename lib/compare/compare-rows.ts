import "server-only";
import type { SnapshotRow } from "@/lib/db/queries/snapshots";
import type { Comparison } from "./compare";
import { compareStored } from "./compare-stored";

/** Two stored successful snapshots compared, their sources streamed from both blobs (compare-stored.ts). */
export async function compareRows(left: SnapshotRow, right: SnapshotRow): Promise<Comparison> {
  // Only successful snapshots are compared, and those always have an inventory.
  if (left.status !== "ok" || right.status !== "ok" || !left.blobSha256 || !right.blobSha256)
    throw new Error("a compared snapshot has no inventory");
  return compareStored(left, right);
}
