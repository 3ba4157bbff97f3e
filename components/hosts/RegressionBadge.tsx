import { SeverityBadge } from "@/components/ui/SeverityBadge";
import type { Regression } from "@/lib/snapshot/regression";

/** "regression" with its reasons on hover: the latest snapshot got worse than the one before or the baseline. */
export function RegressionBadge({ regressions }: { regressions: Regression[] }) {
  const reasons = regressions.map((r) => r.message);
  if (reasons.length === 0) return null;
  return (
    <span title={reasons.join("\n")} data-testid="regression-badge" className="ml-2">
      <SeverityBadge level="critical">regression</SeverityBadge>
    </span>
  );
}
