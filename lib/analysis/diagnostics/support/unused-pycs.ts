import type { ExtraPyc, Source } from "@/lib/snapshot/schema";
import type { DirFact, Facts } from "./facts";
import { dirOf } from "../../coverage";
import { joinPath } from "./join-path";
import { sourceOfPyc } from "./pyc-source";

export type UnusedPycs = {
  /** The extra pycs whose source has no usable pyc of its own. */
  files: ExtraPyc[];
  /** Absolute paths of those sources. */
  sources: string[];
  roots: string[];
  /** Some of the sources sit where the service cannot write its own pyc, so the loss repeats every start. */
  persistent: boolean;
};

/** Sources that are missing their own pyc while a pyc of the given extra kind exists for them. */
export function unusedPycs(
  f: Facts,
  kind: ExtraPyc["kind"],
  keep: (pyc: ExtraPyc) => boolean = () => true,
): UnusedPycs {
  const result: UnusedPycs = { files: [], sources: [], roots: [], persistent: false };
  let dirs: Map<string, DirFact> | null = null;
  f.inventory.roots.forEach((root, rootIndex) => {
    const candidates = root.extraPycs.filter((p) => p.kind === kind && keep(p));
    if (candidates.length === 0) return;
    dirs ??= new Map(f.dirs.map((d) => [`${d.rootIndex}\0${d.rel}`, d]));
    // Only the candidates' sources are kept: the root's sources may be a SourceTable of many.
    const wanted = new Set(candidates.map((pyc) => sourceOfPyc(pyc.path)));
    const byPath = new Map<string, Source>();
    for (const s of f.rootSources(rootIndex)) if (wanted.has(s.path)) byPath.set(s.path, s);
    const seen = new Set<string>();
    for (const pyc of candidates) {
      const source = byPath.get(sourceOfPyc(pyc.path));
      if (source?.status !== "missing") continue;
      result.files.push(pyc);
      if (seen.has(source.path)) continue;
      seen.add(source.path);
      result.sources.push(joinPath(root.path, source.path));
      const dir = dirs.get(`${rootIndex}\0${dirOf(source.path)}`);
      if (dir?.blockedBy || dir?.dir?.bytecode?.access.writable === false) result.persistent = true;
    }
    if (seen.size) result.roots.push(root.path);
  });
  return result;
}
