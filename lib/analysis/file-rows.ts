import type { Inventory, Source } from "@/lib/snapshot/schema";
import type { SourceTable } from "@/lib/snapshot/source-table";
import { dirOf } from "./coverage";
import { rootSources } from "./root-sources";

/** One source as the snapshot's file table shows it. */
export type FileRow = {
  root: string;
  /** Relative to the root. */
  path: string;
  status: Source["status"];
  /** Not fresh, and the service user cannot create or replace its pyc: compiled at every start. */
  blocked: boolean;
  /** Where the service's interpreter looks for this module's bytecode; null without a cache tag. */
  pycPath: string | null;
  /** Why it is not fresh: the stale reason, or why its bytecode directory is not writable. */
  reason: string | null;
};

function pycName(sourcePath: string, cacheTag: string, optimize: number): string {
  const base = sourcePath.slice(sourcePath.lastIndexOf("/") + 1).replace(/\.py$/, "");
  return `${base}.${cacheTag}${optimize > 0 ? `.opt-${optimize}` : ""}.pyc`;
}

/**
 * Every source of every root, in walk order, with what the table needs to explain it, one at a time: the sources
 * may be packed (`sourceTables`, lib/analysis/root-sources.ts), so a million of them are never a million rows.
 */
export function* eachFileRow(inventory: Inventory, sourceTables?: readonly SourceTable[]): Generator<FileRow> {
  const cacheTag = inventory.interpreter?.cacheTag ?? null;
  const optimize = inventory.interpreter?.optimize ?? 0;
  for (const [index, root] of inventory.roots.entries()) {
    const dirs = new Map(root.dirs.map((dir) => [dir.path, dir]));
    for (const source of rootSources(inventory, index, sourceTables)) {
      const bytecode = dirs.get(dirOf(source.path))?.bytecode ?? null;
      const writable = bytecode?.access.writable ?? false;
      const fresh = source.status === "fresh";
      yield {
        root: root.path,
        path: source.path,
        status: source.status,
        blocked: !fresh && !writable,
        pycPath: bytecode && cacheTag ? `${bytecode.path}/${pycName(source.path, cacheTag, optimize)}` : null,
        reason: fresh ? null : (source.reason ?? (writable ? null : (bytecode?.access.reason ?? "not writable"))),
      };
    }
  }
}

/** Every source of every root, in walk order, with what the table needs to explain it. */
export const fileRows = (inventory: Inventory): FileRow[] => [...eachFileRow(inventory)];
