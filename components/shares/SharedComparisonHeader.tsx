import { ComparisonHeader } from "@/components/compare/ComparisonHeader";
import type { Comparison } from "@/lib/compare/types";

/** ComparisonHeader without its links (a public share leads nowhere else), and when the link expires. */
export function SharedComparisonHeader({ comparison, expiresAt }: { comparison: Comparison; expiresAt: string }) {
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600">
        Shared read-only comparison; this link expires {expiresAt.replace("T", " ").slice(0, 16)} UTC.
      </p>
      <ComparisonHeader comparison={comparison} linked={false} />
    </div>
  );
}
