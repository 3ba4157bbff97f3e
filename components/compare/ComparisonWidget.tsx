import { comparePath } from "@/lib/compare/compare-refs";
import { listPickerOptions } from "@/lib/compare/picker-options";
import type { CompareView } from "@/lib/compare/view-state";
import { compareRows } from "@/lib/compare/compare-rows";
import type { SnapshotRow } from "@/lib/db/queries/snapshots";
import { ComparisonHeader } from "./ComparisonHeader";
import { ComparisonView } from "./ComparisonView";

type Props = { left: SnapshotRow; right: SnapshotRow; view: CompareView };

/**
 * The permalink page's one data widget: decoding two inventories and comparing them is the slow part, so
 * it streams behind a skeleton once the page has checked that both snapshots exist.
 */
export async function ComparisonWidget({ left, right, view }: Props) {
  const [comparison, picker] = await Promise.all([compareRows(left, right), listPickerOptions()]);
  return (
    <>
      <ComparisonHeader comparison={comparison} />
      <ComparisonView comparison={comparison} permalink={comparePath(left.id, right.id)} view={view} picker={picker} />
    </>
  );
}
