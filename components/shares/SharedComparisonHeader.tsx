import type { Comparison, ComparisonSide } from "@/lib/compare/types";

const label = (side: ComparisonSide) => `${side.host} ${side.takenAt.replace("T", " ").slice(0, 19)} UTC`;

/** ComparisonHeader without its links: a public share leads nowhere else. */
export function SharedComparisonHeader({ comparison, expiresAt }: { comparison: Comparison; expiresAt: string }) {
  return (
    <div className="space-y-1">
      <h1 className="text-xl tracking-tight">
        {label(comparison.left)} <span className="text-slate-400">vs</span> {label(comparison.right)}
      </h1>
      <p className="text-sm text-slate-500">
        Shared read-only comparison; this link expires {expiresAt.replace("T", " ").slice(0, 16)} UTC.
      </p>
    </div>
  );
}
