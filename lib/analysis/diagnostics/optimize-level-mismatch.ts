import type { Evidence } from "../types";
import type { Rule } from "./rule";
import { compileallCommand } from "./support/alternative-steps";
import { countBy, plural, verb } from "./support/count-by";
import { optLevelOfPyc } from "./support/pyc-source";
import { summarizePaths } from "./support/summarize-paths";
import { unusedPycs } from "./support/unused-pycs";

const id = "optimize-level-mismatch";

const levelName = (level: number) =>
  level === 0 ? "level 0 (no -O)" : `level ${level} (${"-" + "O".repeat(level)}, .opt-${level}.pyc)`;

/** python-bytecode.md §4: each -O level has its own pyc file and never satisfies another. */
export const optimizeLevelMismatch: Rule = {
  id,
  check(f) {
    if (!f.interpreter) return null;
    const level = f.interpreter.optimize;
    const unused = unusedPycs(f, "other-opt", (p) => optLevelOfPyc(p.path) !== level);
    if (unused.sources.length === 0) return null;
    const found = countBy(unused.files, (p) => levelName(optLevelOfPyc(p.path)));
    const evidence: Evidence[] = [{ label: "Service optimize level", value: levelName(level) }];
    const why = f.interpreter.explain.optimize;
    if (why) evidence.push({ label: "Set by", value: why });
    evidence.push(
      { label: "Found instead", value: found.map(([l, n]) => `${l}: ${plural(n, "file")}`).join(", ") },
      { label: "Sources without a pyc at the service's level", value: summarizePaths(unused.sources) },
    );
    const flag = ` -${"O".repeat(level)}`;
    return {
      id,
      severity: unused.persistent ? "warning" : "info",
      title: `${plural(unused.sources.length, "module")} ${verb(unused.sources.length, "has", "have")} bytecode only for another -O level`,
      detail:
        `The service runs at optimization ${levelName(level)}, and each level has its own pyc file. pip and Debian's py3compile write level 0 only, so a service started with -O or PYTHONOPTIMIZE finds none of its own` +
        (unused.persistent
          ? " and, where it cannot write, compiles those modules at every start."
          : " until it writes them itself."),
      evidence,
      fix: [
        {
          text:
            level > 0
              ? `Compile at the service's level too: run compileall with${flag} (on 3.9+, -o 0 -o ${level} writes both levels in one run).`
              : "Compile without -O: the service runs at level 0.",
          code: compileallCommand(f, unused.roots),
        },
        ...(level > 0
          ? [{ text: "Or drop -O/PYTHONOPTIMIZE if the service does not need asserts and docstrings removed." }]
          : []),
      ],
    };
  },
};
