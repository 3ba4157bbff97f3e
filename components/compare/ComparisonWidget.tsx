import { compareStored } from "@/lib/compare/compare-stored";
import { comparePath } from "@/lib/compare/compare-refs";
import { listPickerOptions } from "@/lib/compare/picker-options";
import type { CompareView } from "@/lib/compare/view-state";
import type { SnapshotRow } from "@/lib/db/queries/snapshots";
import { ComparisonHeader } from "./ComparisonHeader";
import { ComparisonView } from "./ComparisonView";

type Props = { left: SnapshotRow; right: SnapshotRow; view: CompareView };

/**
 * The permalink page's one data widget: decoding two inventories and comparing them is the slow part, so
 * it streams behind a skeleton once the page has checked that both snapshots exist.
 */
export async function ComparisonWidget({ left, right, view }: Props) {
  // The page let only successful snapshots through, and those always have an inventory.
  if (left.status !== "ok" || right.status !== "ok" || !left.blobSha256 || !right.blobSha256)
    throw new Error("a compared snapshot has no inventory");
  const [comparison, picker] = await Promise.all([compareStored(left, right), listPickerOptions()]);
  return (
    <>
      <ComparisonHeader comparison={comparison} />
      <ComparisonView comparison={comparison} permalink={comparePath(left.id, right.id)} view={view} picker={picker} />
    </>
  );
}
