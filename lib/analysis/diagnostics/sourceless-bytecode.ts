import type { Rule } from "./rule";
import { plural } from "./support/count-by";
import { joinPath } from "./support/join-path";
import { shellJoin } from "./support/shell-quote";
import { summarizePaths } from "./support/summarize-paths";

const id = "sourceless-bytecode";

/** python-bytecode.md §5: a legacy foo.pyc without foo.py is imported as is, with no check against any source. */
export const sourcelessBytecode: Rule = {
  id,
  check(f) {
    const paths = f.inventory.roots.flatMap((root) =>
      root.extraPycs.filter((p) => p.kind === "legacy" && p.importable).map((p) => joinPath(root.path, p.path)),
    );
    if (paths.length === 0) return null;
    return {
      id,
      severity: "warning",
      title: `${plural(paths.length, "legacy pyc")} can be imported without a source`,
      detail:
        "A foo.pyc lying beside the sources (not in __pycache__) is imported when foo.py does not exist, with only its header (magic number and flags) checked. " +
        "A module deleted in a release therefore stays importable and keeps running its old code. Legacy pycs come from compileall -b, py_compile with an explicit cfile, Python 2 leftovers or stripped deploys.",
      evidence: [{ label: "Importable legacy pycs", value: summarizePaths(paths) }],
      fix: [
        {
          text: "Delete them unless the deploy ships bytecode without sources on purpose; then make sure the list matches the release exactly.",
          code:
            paths
              .slice(0, 20)
              .map((p) => shellJoin(["rm", "--", p]))
              .join("\n") + (paths.length > 20 ? `\n# … and ${paths.length - 20} more` : ""),
        },
      ],
    };
  },
};
