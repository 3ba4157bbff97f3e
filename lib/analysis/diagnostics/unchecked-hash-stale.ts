import type { Rule } from "./rule";
import { compileallCommand } from "./support/alternative-steps";
import { plural, verb } from "./support/count-by";
import { joinPath } from "./support/join-path";
import { summarizePaths } from "./support/summarize-paths";

const id = "unchecked-hash-stale";

/** python-bytecode.md §2: an unchecked-hash pyc is trusted without reading the source, so edits do not run. */
export const uncheckedHashStale: Rule = {
  id,
  check(f) {
    const paths: string[] = [];
    const roots = new Set<string>();
    let checked = 0;
    for (const dir of f.dirs) {
      for (const s of dir.sourcesWith("stale")) {
        if (!f.runsOldCode(s)) continue;
        paths.push(joinPath(dir.root.path, s.path));
        roots.add(dir.root.path);
        if (s.pyc === "checked-hash") checked++;
      }
    }
    if (paths.length === 0) return null;
    const mode = f.interpreter?.checkHashPycs ?? "default";
    return {
      id,
      severity: "critical",
      title: `${plural(paths.length, "module")} ${verb(paths.length, "runs", "run")} old code: the source changed but its pyc is trusted`,
      detail:
        "These pycs are hash-based and the interpreter does not check them against the source (unchecked-hash pycs" +
        (checked ? ", and checked-hash ones because of --check-hash-based-pycs never" : "") +
        "), so it executes the bytecode compiled from an older version of each file. The edit is silently ignored until the pyc is rebuilt; nothing is logged, not even under python -v.",
      evidence: [
        { label: `Sources newer than their trusted pyc (${paths.length})`, value: summarizePaths(paths) },
        { label: "--check-hash-based-pycs", value: mode },
      ],
      fix: [
        {
          text: "Rebuild the pycs with the service's interpreter, as checked-hash (the source is verified at each import) or timestamp pycs, and do the same in the deploy from now on.",
          code: compileallCommand(f, [...roots], ["-f", "--invalidation-mode", "checked-hash"]),
        },
        {
          text: "Or start the interpreter with --check-hash-based-pycs always, which validates unchecked pycs too (a command-line option; there is no environment variable for it).",
        },
      ],
    };
  },
};
