import "server-only";
import { toSnapshotInput } from "@/lib/db/load-snapshot";
import type { SnapshotRow } from "@/lib/db/queries/snapshots";
import { compare } from "./compare";

/** Two stored successful snapshots compared: their inventories decoded, then aligned by path. */
export async function compareRows(left: SnapshotRow, right: SnapshotRow): Promise<ReturnType<typeof compare>> {
  const [leftInput, rightInput] = await Promise.all([toSnapshotInput(left), toSnapshotInput(right)]);
  // Only successful snapshots are compared, and those always have an inventory.
  if (!leftInput || !rightInput) throw new Error("a compared snapshot has no inventory");
  return compare(leftInput, rightInput);
}
