import { connection } from "next/server";
import { notFound } from "next/navigation";
import { ComparisonHeader } from "@/components/compare/ComparisonHeader";
import { ComparisonView } from "@/components/compare/ComparisonView";
import { compare } from "@/lib/analysis/compare";
import { comparePath } from "@/lib/compare/compare-refs";
import { findSnapshot } from "@/lib/db/queries/snapshots";
import { listPickerOptions } from "@/lib/compare/picker-options";
import { parseCompareView } from "@/lib/compare/view-state";
import { toSnapshotInput } from "@/lib/db/load-snapshot";
import { requirePageRole } from "@/lib/auth/require-page-role";

// The permanent comparison link: two immutable snapshot ids, view state in the query string.
export default async function ComparePermalinkPage({ params, searchParams }: PageProps<"/compare/[left]/[right]">) {
  await requirePageRole("viewer");
  await connection();
  const [{ left, right }, query] = await Promise.all([params, searchParams]);
  const [leftRow, rightRow, picker] = await Promise.all([findSnapshot(left), findSnapshot(right), listPickerOptions()]);
  const [leftInput, rightInput] = await Promise.all([
    leftRow && toSnapshotInput(leftRow),
    rightRow && toSnapshotInput(rightRow),
  ]);
  if (!leftInput || !rightInput) notFound();
  const comparison = compare(leftInput, rightInput);
  return (
    <div className="space-y-6">
      <ComparisonHeader comparison={comparison} />
      <ComparisonView
        comparison={comparison}
        permalink={comparePath(left, right)}
        view={parseCompareView(query)}
        picker={picker}
      />
    </div>
  );
}
