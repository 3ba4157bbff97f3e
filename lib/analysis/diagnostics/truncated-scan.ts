import type { Evidence } from "../types";
import type { Rule } from "./rule";
import { countBy, formatCounts } from "./support/count-by";

const id = "truncated-scan";

/** The collector stopped early or skipped parts: every count is a lower bound, every "none" unproven. */
export const truncatedScan: Rule = {
  id,
  check(f) {
    const { truncated } = f.inventory;
    const skipped = f.inventory.roots.flatMap((r) =>
      r.skipped.filter((s) => s.reason === "limit" || s.reason === "unreadable"),
    );
    if (!truncated && skipped.length === 0) return null;
    const evidence: Evidence[] = [];
    if (truncated)
      evidence.push({
        label: "Stopped at",
        value:
          truncated.reason === "max-files"
            ? `${truncated.limit.toLocaleString("en-US")} files (max files)`
            : `${truncated.limit} s (max seconds)`,
      });
    if (skipped.length) evidence.push({ label: "Skipped", value: formatCounts(countBy(skipped, (s) => s.reason)) });
    return {
      id,
      severity: truncated ? "warning" : "info",
      title: truncated ? "The scan was cut short: counts are partial" : "Parts of the tree could not be scanned",
      detail: truncated
        ? "The collector reached its limit before it had seen every file, so coverage and every finding describe only the part it scanned; a problem elsewhere would not show."
        : "The collector could not read some directories (or skipped them at a limit), so what they hold is not counted.",
      evidence,
      fix: [
        {
          text: truncated
            ? "Raise the host's max files / max seconds, or narrow the app roots, and collect again."
            : "Collect as a user that can read the whole tree (the service user's view is checked separately).",
        },
      ],
    };
  },
};
