import type { RecordsEvent } from "@/lib/snapshot/collector-events";
import type { InventoryBlobWriter } from "@/lib/snapshot/inventory-blob-writer";
import { RECORD_FIELDS, type RecordField, type RecordItem } from "@/lib/snapshot/inventory-records";
import { FILES_MAX, type Inventory } from "@/lib/snapshot/schema";
import { SourceTable } from "@/lib/snapshot/source-table";

/** Where one field's items go: an array, or for sources in compact mode a SourceTable that spills to disk. */
type Items = { readonly length: number; push(item: RecordItem): void };
type Arrays = Record<RecordField, Items>;
const emptyArrays = (compact = false): Arrays => ({
  dirs: [],
  extraPycs: [],
  skipped: [],
  sources: compact ? new SourceTable({ spill: true }) : [],
});

/**
 * Gathers the records events of one collection and joins them to the result's roots. Records come root by
 * root, as the collector walks them; within a root its fields interleave, each array in its own order
 * (lib/collector/python/55_records.py cuts them by counts, so equal inventories still reach the blob writer
 * as equal bytes). Each item is handed to the writer as it arrives; only the validated items are kept.
 */
export class InventoryRecordsSink {
  private readonly byRoot = new Map<number, Arrays>();
  private root = -1; // root of the last records event: a root once left is never resumed

  /**
   * `compactSources`: keep sources packed (lib/snapshot/source-table.ts), their full chunks in a scratch file,
   * instead of as objects; join() then returns roots without sources, and sourceTables() holds them (close
   * them once done).
   */
  constructor(
    private readonly writer?: InventoryBlobWriter,
    private readonly compactSources = false,
  ) {}

  /** Takes one records event; returns a problem when it breaks the order or a bound, else null. */
  add(event: RecordsEvent): string | null {
    if (event.root < this.root)
      return `records of root ${event.root} (${event.field}) after root ${this.root}: out of canonical order`;
    this.root = event.root;
    let arrays = this.byRoot.get(event.root);
    if (!arrays) this.byRoot.set(event.root, (arrays = emptyArrays(this.compactSources)));
    const into = arrays[event.field];
    if (into.length + event.items.length > FILES_MAX)
      return `more than ${FILES_MAX} ${event.field} in root ${event.root}`;
    for (const item of event.items) {
      into.push(item);
      this.writer?.record(event.root, event.field, item);
    }
    return null;
  }

  /** Resolves once the blob writer has caught up (backpressure towards the transport). */
  drained(): Promise<void> {
    return this.writer ? this.writer.drained() : Promise.resolve();
  }

  /**
   * The complete inventory: the result's roots with the records joined in. A result that carries the
   * arrays itself (a collector that does not stream) is accepted when no records came.
   */
  join(inventory: Inventory): Inventory | string {
    for (const index of this.byRoot.keys())
      if (index >= inventory.roots.length)
        return `records for root ${index}, but the result has ${inventory.roots.length} roots`;
    if (this.byRoot.size === 0) {
      for (const [index, root] of inventory.roots.entries())
        for (const field of RECORD_FIELDS) for (const item of root[field]) this.writer?.record(index, field, item);
      return inventory;
    }
    const roots = inventory.roots.map((root, index) => {
      if (RECORD_FIELDS.some((field) => root[field].length > 0)) return null;
      const arrays = this.byRoot.get(index) ?? emptyArrays();
      const sources = arrays.sources instanceof SourceTable ? [] : arrays.sources;
      return { ...root, ...arrays, sources } as Inventory["roots"][number];
    });
    if (roots.includes(null)) return "the result carries per-file arrays as well as records";
    return { ...inventory, roots: roots as Inventory["roots"] };
  }

  /**
   * In compact mode, the sources of each of `rootCount` roots (join() left the roots' own arrays empty);
   * null when the sources are the roots' own arrays (compact mode off, or a result that did not stream).
   */
  sourceTables(rootCount: number): SourceTable[] | null {
    if (!this.compactSources || this.byRoot.size === 0) return null;
    return Array.from({ length: rootCount }, (_, index) => {
      const sources = this.byRoot.get(index)?.sources;
      return sources instanceof SourceTable ? sources : new SourceTable(); // a root without records
    });
  }
}
