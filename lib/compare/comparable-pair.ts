import "server-only";
import { findSnapshot, type SnapshotRow } from "@/lib/db/queries/snapshots";

/**
 * Both rows of a permalink comparison when each exists, succeeded and has an inventory; else null. Rows only
 * (cheap), so the page answers 404 before it streams the comparison.
 */
export async function findComparablePair(left: string, right: string): Promise<[SnapshotRow, SnapshotRow] | null> {
  const [leftRow, rightRow] = await Promise.all([findSnapshot(left), findSnapshot(right)]);
  const comparable = (row: SnapshotRow | null): row is SnapshotRow =>
    row !== null && row.status === "ok" && row.blobSha256 !== null;
  return comparable(leftRow) && comparable(rightRow) ? [leftRow, rightRow] : null;
}
