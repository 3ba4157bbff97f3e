import type { Directory, Interpreter, Inventory, Root, Service, Source } from "@/lib/snapshot/schema";
import { dirOf } from "../../coverage";
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
  sources: Source[];
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
  /** A stale pyc the importer trusts anyway (unchecked hash): old code runs instead of a recompile. */
  runsOldCode(source: Source): boolean;
};

function trustsStaleHash(interpreter: Interpreter | null): (source: Source) => boolean {
  const mode = interpreter?.checkHashPycs ?? "default";
  return (source) =>
    source.status === "stale" &&
    source.reason === "hash" &&
    ((source.pyc === "unchecked-hash" && mode !== "always") || (source.pyc === "checked-hash" && mode === "never"));
}

function dirFactsOf(root: Root, rootIndex: number, runsOldCode: (s: Source) => boolean): DirFact[] {
  const byRel = new Map<string, DirFact>();
  const make = (rel: string, dir: Directory | null): DirFact => ({
    root,
    rootIndex,
    rel,
    abs: joinPath(root.path, rel),
    dir,
    sources: [],
    recompiled: 0,
    blockedBy: null,
  });
  for (const dir of root.dirs) byRel.set(dir.path, make(dir.path, dir));
  for (const source of root.sources) {
    const rel = dirOf(source.path);
    let fact = byRel.get(rel);
    if (!fact) byRel.set(rel, (fact = make(rel, null)));
    fact.sources.push(source);
    if (source.status === "missing" || (source.status === "stale" && !runsOldCode(source))) fact.recompiled++;
  }
  return [...byRel.values()];
}

/** Everything the rules share, computed once per snapshot in O(sources). */
export function factsOf(snapshot: SnapshotInput): Facts {
  const { inventory } = snapshot;
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
  };
  const dirs = inventory.roots.flatMap((root, i) => dirFactsOf(root, i, runsOldCode));
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
