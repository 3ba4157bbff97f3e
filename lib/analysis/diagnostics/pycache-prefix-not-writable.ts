import { displayPath } from "@/lib/snapshot/display-path";
import type { Evidence } from "../types";
import type { Rule } from "./rule";
import { blockedEvidence, recompiledSummary } from "./support/blocked-evidence";
import { plural } from "./support/count-by";
import { prefixFixSteps } from "./support/prefix-fix";
import { accountName, groupName } from "./support/service-labels";
import { shellJoin } from "./support/shell-quote";
import { estimateUnlessMeasured, startupCost } from "./support/startup-cost";

const id = "pycache-prefix-not-writable";

/** python-bytecode.md §1: with a prefix every __pycache__ is ignored, so an unwritable prefix caches nothing at all. */
export const pycachePrefixNotWritable: Rule = {
  id,
  check(f) {
    const dirs = f.blocked.get(id);
    if (!dirs?.length || !f.prefix) return null;
    const { recompiled } = recompiledSummary(f, dirs);
    const prefix = displayPath(f.prefix);
    const evidence: Evidence[] = [{ label: "PYTHONPYCACHEPREFIX", value: prefix }];
    const setBy = f.interpreter?.explain.pycachePrefix;
    if (setBy) evidence.push({ label: "Set by", value: setBy });
    const owner = `${accountName(f)}:${groupName(f)}`;
    return {
      id,
      severity: "warning",
      title: `The pycache prefix ${prefix} is not writable for ${f.user}`,
      detail:
        `The service's interpreter keeps all its bytecode under ${prefix}, mirroring each source's absolute path, and ignores every __pycache__ directory (stdlib and site-packages included). ` +
        `${f.user} cannot create or replace files there, so the importer compiles the missing or stale modules at every process start without a word: up to ${plural(recompiled, "module")} here${estimateUnlessMeasured(f, recompiled)}.`,
      evidence: [...evidence, ...blockedEvidence(f, dirs)],
      fix: [
        ...prefixFixSteps(f),
        {
          text: `Alternative: keep this prefix and give it to ${accountName(f)}.`,
          code:
            shellJoin(["install", "-d", "-o", accountName(f), "-g", groupName(f), f.prefix]) +
            "\n" +
            shellJoin(["chown", "-R", owner, f.prefix]),
        },
      ],
      startupCost: startupCost(f, recompiled, dirs),
      blocking: { directories: dirs.length, cause: `${f.user} cannot write the pycache prefix ${prefix}` },
    };
  },
};
