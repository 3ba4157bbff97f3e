import type { Directory, Interpreter, Inventory, Root, Service, Source } from "@/lib/snapshot/schema";
import { SourceTable } from "@/lib/snapshot/source-table";
import { dirOf } from "../../coverage";
import { rootSources, type SourceList } from "../../root-sources";
import { trustsStaleHash } from "../../runs-old-code";
import type { SnapshotInput } from "../../types";
import { blockingRuleFor, type BlockingRuleId } from "./blocking-rule";
import { writesNoBytecode } from "./effective-flags";
import { joinPath } from "./join-path";

/** One source directory with the sources in it and what the importer does with them. */
export type DirFact = {
  root: Root;
  rootIndex: number;
  rel: string;
  abs: string;
  dir: Directory | null; // null when the collector listed sources but not their directory (truncated scans)
  /** From a SourceTable, made anew at each read (read it once per pass): the table, not the facts, holds them. */
  sources: Source[];
  /**
   * Its sources of one status alone: from a SourceTable only these are made (most sources of a large tree are
   * fresh, and a rule that looks for a few stale or unreadable ones should not make every source).
   */
  sourcesWith(status: Source["status"]): Source[];
  /** Sources compiled from source on every import while the pyc cannot be written: missing or rejected stale. */
  recompiled: number;
  /** The rule that owns this directory when its bytecode location blocks the service (see index.ts). */
  blockedBy: BlockingRuleId | null;
};

export type Facts = {
  snapshot: SnapshotInput;
  inventory: Inventory;
  service: Service;
  interpreter: Interpreter | null;
  user: string; // the identity the collector checked, e.g. "lernmanager"
  prefix: string | null;
  writingDisabled: boolean;
  dirs: DirFact[];
  blocked: Map<BlockingRuleId, DirFact[]>;
  /** The sources of root i (SnapshotInput.sourceTables or the root's own array). */
  rootSources(rootIndex: number): SourceList;
  /** A stale pyc the importer trusts anyway (unchecked hash): old code runs instead of a recompile. */
  runsOldCode(source: Source): boolean;
};

type Group = { fact(rel: string): DirFact; runsOldCode(s: Source): boolean };

/** Sources held as objects: each fact keeps its own. */
function groupArray(sources: Iterable<Source>, group: Group): void {
  for (const source of sources) {
    const fact = group.fact(dirOf(source.path));
    fact.sources.push(source);
    if (source.status === "missing" || (source.status === "stale" && !group.runsOldCode(source))) fact.recompiled++;
  }
}

/**
 * Sources in a SourceTable: each fact keeps where its sources are, as runs of indices (a directory's sources
 * mostly arrive together, so a million sources make a few thousand runs), and makes the objects when read.
 */
function groupTable(table: SourceTable, group: Group): void {
  const byDirId: DirFact[] = [];
  const runs = new Map<DirFact, number[]>(); // start, end, start, end, …
  for (let i = 0; i < table.length; i++) {
    const id = table.dirId(i);
    const fact = (byDirId[id] ??= group.fact(table.dirPath(id)));
    let list = runs.get(fact);
    if (!list) runs.set(fact, (list = []));
    if (list[list.length - 1] === i) list[list.length - 1] = i + 1;
    else list.push(i, i + 1);
    const status = table.status(i);
    if (status === "missing" || (status === "stale" && !group.runsOldCode(table.at(i)))) fact.recompiled++;
  }
  for (const [fact, list] of runs) {
    Object.defineProperty(fact, "sources", { get: () => sourcesIn(table, list), enumerable: true });
    fact.sourcesWith = (status) => sourcesIn(table, list, status);
  }
}

function sourcesIn(table: SourceTable, runs: readonly number[], status?: Source["status"]): Source[] {
  const sources: Source[] = [];
  for (let r = 0; r < runs.length; r += 2)
    for (let i = runs[r]!; i < runs[r + 1]!; i++) if (!status || table.status(i) === status) sources.push(table.at(i));
  return sources;
}

function dirFactsOf(
  root: Root,
  rootIndex: number,
  sources: SourceList,
  runsOldCode: (s: Source) => boolean,
): DirFact[] {
  const byRel = new Map<string, DirFact>();
  const make = (rel: string, dir: Directory | null): DirFact => ({
    root,
    rootIndex,
    rel,
    abs: joinPath(root.path, rel),
    dir,
    sources: [],
    sourcesWith(status) {
      return this.sources.filter((s) => s.status === status);
    },
    recompiled: 0,
    blockedBy: null,
  });
  for (const dir of root.dirs) byRel.set(dir.path, make(dir.path, dir));
  const fact = (rel: string) => {
    let found = byRel.get(rel);
    if (!found) byRel.set(rel, (found = make(rel, null)));
    return found;
  };
  if (sources instanceof SourceTable) groupTable(sources, { fact, runsOldCode });
  else groupArray(sources, { fact, runsOldCode });
  return [...byRel.values()];
}

/** Everything the rules share, computed once per snapshot in O(sources). */
export function factsOf(snapshot: SnapshotInput): Facts {
  const { inventory, sourceTables } = snapshot;
  const interpreter = inventory.interpreter;
  const runsOldCode = trustsStaleHash(interpreter);
  const base = {
    snapshot,
    inventory,
    service: inventory.service,
    interpreter,
    user: inventory.service.identity.user,
    prefix: interpreter?.pycachePrefix ?? null,
    writingDisabled: writesNoBytecode(inventory),
    runsOldCode,
    rootSources: (i: number) => rootSources(inventory, i, sourceTables),
  };
  const dirs = inventory.roots.flatMap((root, i) => dirFactsOf(root, i, base.rootSources(i), runsOldCode));
  const blocked = new Map<BlockingRuleId, DirFact[]>();
  for (const fact of dirs) {
    fact.blockedBy = blockingRuleFor(fact, base);
    if (!fact.blockedBy) continue;
    const list = blocked.get(fact.blockedBy);
    if (list) list.push(fact);
    else blocked.set(fact.blockedBy, [fact]);
  }
  return { ...base, dirs, blocked };
}
