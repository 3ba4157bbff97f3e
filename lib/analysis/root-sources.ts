import type { Inventory, Source } from "@/lib/snapshot/schema";
import type { SourceTable } from "@/lib/snapshot/source-table";

/** A root's sources as the analysis reads them: its own array, or a SourceTable that makes them on demand. */
export type SourceList = Iterable<Source> & { readonly length: number; at(index: number): Source | undefined };

/** The sources of root `index`: from `sourceTables` when the inventory's roots do not carry them. */
export function rootSources(
  inventory: Inventory,
  index: number,
  sourceTables: readonly SourceTable[] | undefined,
): SourceList {
  return sourceTables?.[index] ?? inventory.roots[index]!.sources;
}
