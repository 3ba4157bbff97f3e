import { connection } from "next/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ComparisonWidget } from "@/components/compare/ComparisonWidget";
import { Skeleton } from "@/components/ui/Skeleton";
import { findComparablePair } from "@/lib/compare/comparable-pair";
import { parseCompareView } from "@/lib/compare/view-state";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { oneTurn } from "@/lib/event-loop-turns";

// The permanent comparison link: two immutable snapshot ids, view state in the query string.
export default async function ComparePermalinkPage({ params, searchParams }: PageProps<"/compare/[left]/[right]">) {
  await requirePageRole("viewer");
  await connection();
  const [{ left, right }, query] = await Promise.all([params, searchParams]);
  // The request's first stretch (this page's code loading, the session, the rows, the first queries of their
  // shape) ran as one task: a turn between its steps lets other requests in, whatever the comparison's size.
  await oneTurn();
  // Rows only (cheap) decide 404 before streaming: a side that is unknown, failed or has no inventory.
  const pair = await findComparablePair(left, right);
  if (!pair) notFound();
  await oneTurn();
  const [leftRow, rightRow] = pair;
  return (
    <div className="space-y-6">
      <Suspense fallback={<Skeleton label="comparison" lines={10} />}>
        <ComparisonWidget left={leftRow} right={rightRow} view={parseCompareView(query)} />
      </Suspense>
    </div>
  );
}
