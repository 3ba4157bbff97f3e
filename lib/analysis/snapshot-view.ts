import type { Inventory, Measurements } from "@/lib/snapshot/schema";
import { coverageOf, type Coverage } from "./coverage";
import { diagnose } from "./diagnostics";
import type { Finding, SnapshotInput } from "./types";

/**
 * What the public snapshot JSON shows of a successful snapshot, without its per-file arrays: the store
 * step computes it once, so `collect` prints a snapshot without reading back and re-analysing what it wrote.
 */
export type SnapshotView = {
  inventory: Pick<Inventory, "service" | "interpreter" | "startup">;
  coverage: Pick<Coverage, "overall" | "roots">;
  findings: Finding[];
  measurements: Measurements | null;
};

/** The view of a snapshot; pass what the caller computed already to skip computing it again. */
export function snapshotViewOf(
  input: SnapshotInput,
  known: { coverage?: Coverage; findings?: Finding[] } = {},
): SnapshotView {
  const { service, interpreter, startup } = input.inventory;
  const { overall, roots } = known.coverage ?? coverageOf(input.inventory, input.sourceTables);
  return {
    inventory: { service, interpreter, startup },
    coverage: { overall, roots },
    findings: known.findings ?? diagnose(input),
    measurements: input.measurements,
  };
}
