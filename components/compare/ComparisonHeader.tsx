import Link from "next/link";
import type { Comparison, ComparisonSide } from "@/lib/compare/types";

function SideLabel({ side, which }: { side: ComparisonSide; which: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white px-4 py-3">
      <div className="text-xs font-medium uppercase tracking-wide text-slate-600">{which}</div>
      <Link href={`/snapshots/${side.id}`} className="hover:underline">
        <span className="font-semibold">{side.host}</span>{" "}
        <span className="text-slate-600">{side.takenAt.replace("T", " ").slice(0, 19)} UTC</span>
      </Link>
    </div>
  );
}

/** The two sides as two aligned columns, the same columns as every table below. */
export function ComparisonHeader({ comparison }: { comparison: Comparison }) {
  return (
    <h1 className="grid gap-3 text-lg tracking-tight md:grid-cols-2">
      <SideLabel side={comparison.left} which="Left" /> <SideLabel side={comparison.right} which="Right" />
    </h1>
  );
}
