import Link from "next/link";
import { SeverityBadge } from "@/components/ui/SeverityBadge";
import type { Comparison, ComparisonSide } from "@/lib/compare/types";

const LABEL = { ok: "working", info: "note", warning: "warning", critical: "critical" } as const;
const when = (side: ComparisonSide) => `${side.takenAt.replace("T", " ").slice(0, 19)} UTC`;

/** One side: which snapshot, and its verdict in one sentence (the badge says the tone in words, not only colour). */
function SideSummary({ side, which, linked }: { side: ComparisonSide; which: string; linked: boolean }) {
  const name = (
    <>
      <span className="font-semibold">{side.host}</span> <span className="text-slate-600">{when(side)}</span>
    </>
  );
  return (
    <div className="min-w-0 space-y-2 rounded-lg border border-slate-200 bg-white px-4 py-3" data-side={which}>
      <div className="text-xs font-medium tracking-wide text-slate-600 uppercase">{which}</div>
      <div className="text-lg tracking-tight">
        {linked ? (
          <Link href={`/snapshots/${side.id}`} className="hover:underline">
            {name}
          </Link>
        ) : (
          name
        )}
      </div>
      <p className="text-sm" data-testid={`verdict-${which.toLowerCase()}`}>
        <SeverityBadge level={side.verdict.tone}>{LABEL[side.verdict.tone]}</SeverityBadge> {side.verdict.sentence}
      </p>
    </div>
  );
}

/** The two sides as two aligned columns, each with its verdict; the differences that explain them follow. */
export function ComparisonHeader({ comparison, linked = true }: { comparison: Comparison; linked?: boolean }) {
  return (
    <div>
      <h1 className="sr-only">
        Left {comparison.left.host} {when(comparison.left)} compared with Right {comparison.right.host}{" "}
        {when(comparison.right)}
      </h1>
      <div className="grid gap-3 md:grid-cols-2">
        <SideSummary side={comparison.left} which="Left" linked={linked} />
        <SideSummary side={comparison.right} which="Right" linked={linked} />
      </div>
    </div>
  );
}
