import Link from "next/link";
import type { Comparison, ComparisonSide } from "@/lib/analysis/compare/types";

function SideLabel({ side }: { side: ComparisonSide }) {
  return (
    <Link href={`/snapshots/${side.id}`} className="hover:underline">
      <span className="font-semibold">{side.host}</span>{" "}
      <span className="text-slate-500">{side.takenAt.replace("T", " ").slice(0, 19)} UTC</span>
    </Link>
  );
}

export function ComparisonHeader({ comparison }: { comparison: Comparison }) {
  return (
    <h1 className="flex flex-wrap items-baseline gap-3 text-xl tracking-tight">
      <SideLabel side={comparison.left} /> <span className="text-slate-400">vs</span>{" "}
      <SideLabel side={comparison.right} />
    </h1>
  );
}
