import type { Evidence } from "../types";
import type { Rule } from "./rule";
import { plural, verb } from "./support/count-by";
import { joinPath } from "./support/join-path";
import { summarizePaths } from "./support/summarize-paths";

const id = "orphan-bytecode";

/** python-bytecode.md §5: pycs in __pycache__ (or the prefix) without a source are never imported; legacy ones beside a source neither. */
export const orphanBytecode: Rule = {
  id,
  check(f) {
    const orphans: string[] = [];
    const shadowed: string[] = [];
    for (const root of f.inventory.roots) {
      for (const pyc of root.extraPycs) {
        if (pyc.kind === "orphan") orphans.push(joinPath(root.path, pyc.path));
        else if (pyc.kind === "legacy" && !pyc.importable) shadowed.push(joinPath(root.path, pyc.path));
      }
    }
    if (orphans.length + shadowed.length === 0) return null;
    const evidence: Evidence[] = [];
    if (orphans.length)
      evidence.push({ label: `Cache files without a source (${orphans.length})`, value: summarizePaths(orphans) });
    if (shadowed.length)
      evidence.push({
        label: `Legacy pycs shadowed by their source (${shadowed.length})`,
        value: summarizePaths(shadowed),
      });
    return {
      id,
      severity: "info",
      title: `${plural(orphans.length + shadowed.length, "pyc")} ${verb(orphans.length + shadowed.length, "is", "are")} never imported`,
      detail:
        "Cached pycs whose source was deleted or renamed are never loaded from __pycache__ or a prefix, and a legacy foo.pyc is ignored while foo.py exists. " +
        "They cost only disk space, but they show that old releases' caches are carried along; a legacy one becomes importable the day its source is removed.",
      evidence,
      fix: [
        {
          text: "Harmless for now. To tidy up, clear the caches in the deploy before it compiles, so only the current release's pycs remain.",
        },
      ],
    };
  },
};
