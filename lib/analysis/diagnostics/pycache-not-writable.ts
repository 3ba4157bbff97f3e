import type { Rule } from "./rule";
import { chownStep, precompileStep } from "./support/alternative-steps";
import { blockedEvidence, recompiledSummary } from "./support/blocked-evidence";
import { plural } from "./support/count-by";
import { prefixFixSteps } from "./support/prefix-fix";
import { startupBlockedIn } from "./support/startup-blocked";
import { estimateUnlessMeasured, startupCost } from "./support/startup-cost";

const id = "pycache-not-writable";

/** python-bytecode.md §3 "Foreign-owned __pycache__" and §8: the key finding of the seed case. */
export const pycacheNotWritable: Rule = {
  id,
  check(f) {
    const dirs = f.blocked.get(id);
    if (!dirs?.length) return null;
    const { recompiled } = recompiledSummary(f, dirs);
    const roots = [...new Set(dirs.map((d) => d.root.path))];
    const startup = startupBlockedIn(f, dirs);
    const consequence = startup?.blocked.length
      ? `${plural(startup.blocked.length, "startup module")} ${startup.blocked.length === 1 ? "is" : "are"} compiled at every start`
      : "modules are compiled at every start";
    return {
      id,
      severity: "warning",
      title: `The service user ${f.user} cannot write bytecode in ${plural(dirs.length, "directory", "directories")}: ${consequence}`,
      detail:
        `The service runs as ${f.user}, who cannot create or replace .pyc files where its interpreter looks for them. ` +
        "The importer then compiles each missing or stale module in memory, tries to save it, fails, and says nothing (the error shows only under python -v). " +
        `This repeats at every process start, for every worker, for as long as the permissions stay: up to ${plural(recompiled, "module")} here${estimateUnlessMeasured(f, recompiled)}. ` +
        "Pointing PYTHONPYCACHEPREFIX at a directory the service owns makes the interpreter keep its cache there instead.",
      evidence: blockedEvidence(f, dirs),
      fix: [...prefixFixSteps(f), precompileStep(f, roots), chownStep(f, roots)],
      startupCost: startupCost(f, recompiled, dirs),
      blocking: {
        directories: dirs.length,
        cause: `the service user ${f.user} cannot write __pycache__ in ${plural(dirs.length, "directory", "directories")}`,
      },
    };
  },
};
