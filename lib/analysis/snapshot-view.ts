import type { Inventory, Measurements } from "@/lib/snapshot/schema";
import { coverageOf, type Coverage } from "./coverage";
import { diagnose } from "./diagnostics";
import { impactOf } from "./impact/impact-of";
import type { Impact } from "./impact/types";
import type { Finding, SnapshotInput } from "./types";

/**
 * What the public snapshot JSON shows of a successful snapshot, without its per-file arrays: the store
 * step computes it once, so `collect` prints a snapshot without reading back and re-analysing what it wrote.
 */
export type SnapshotView = {
  inventory: Pick<Inventory, "service" | "interpreter" | "startup" | "server">;
  coverage: Pick<Coverage, "overall" | "roots">;
  findings: Finding[];
  measurements: Measurements | null;
  /** What the blocked startup modules cost per process, per start and per day; null when nothing was measured. */
  impact: Impact | null;
};

/** The view of a snapshot; pass what the caller computed already to skip computing it again. */
export function snapshotViewOf(
  input: SnapshotInput,
  known: { coverage?: Coverage; findings?: Finding[] } = {},
): SnapshotView {
  const { service, interpreter, startup, server } = input.inventory;
  const { overall, roots } = known.coverage ?? coverageOf(input.inventory, input.sourceTables);
  return {
    inventory: { service, interpreter, startup, server },
    coverage: { overall, roots },
    findings: known.findings ?? diagnose(input),
    measurements: input.measurements,
    impact: impactOf(input.inventory, input.measurements),
  };
}
