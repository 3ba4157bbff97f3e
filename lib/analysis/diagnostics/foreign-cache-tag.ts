import type { Rule } from "./rule";
import { compileallCommand } from "./support/alternative-steps";
import { countBy, plural, verb } from "./support/count-by";
import { summarizePaths } from "./support/summarize-paths";
import { unusedPycs } from "./support/unused-pycs";

const id = "foreign-cache-tag";

/** python-bytecode.md §1: the file name carries the interpreter's cache tag; another version's pycs are never read. */
export const foreignCacheTag: Rule = {
  id,
  check(f) {
    const tag = f.interpreter?.cacheTag;
    if (!tag) return null;
    const unused = unusedPycs(f, "foreign-tag", (p) => p.tag !== tag);
    if (unused.sources.length === 0) return null;
    const tags = countBy(unused.files, (p) => p.tag ?? "unknown tag");
    const foreign = tags.map(([t]) => t).join(", ");
    return {
      id,
      severity: unused.persistent ? "warning" : "info",
      title: `${plural(unused.sources.length, "module")} ${verb(unused.sources.length, "has", "have")} bytecode only for ${foreign}, not ${tag}`,
      detail:
        `The service runs ${f.interpreter?.version} (cache tag ${tag}) and only reads pycs named *.${tag}*.pyc. The pycs present were compiled by ${foreign}, ` +
        "typically by a precompile step or package build using another interpreter, or left over from before an upgrade, so they are ignored and the modules are compiled from source" +
        (unused.persistent
          ? "; where the service cannot write, that happens at every start."
          : " until the service writes its own pycs."),
      evidence: [
        { label: "Service cache tag", value: tag },
        { label: "Found instead", value: tags.map(([t, n]) => `${t}: ${plural(n, "file")}`).join(", ") },
        { label: `Sources without a ${tag} pyc`, value: summarizePaths(unused.sources) },
      ],
      fix: [
        {
          text: "Compile with the service's own interpreter (the one below), wherever the deploy compiles today.",
          code: compileallCommand(f, unused.roots),
        },
      ],
    };
  },
};
