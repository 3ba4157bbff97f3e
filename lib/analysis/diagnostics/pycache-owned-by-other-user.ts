import type { Evidence } from "../types";
import type { Rule } from "./rule";
import { chownStep } from "./support/alternative-steps";
import { blockedEvidence, recompiledSummary } from "./support/blocked-evidence";
import { countBy, plural } from "./support/count-by";
import { estimateUnlessMeasured, startupCost } from "./support/startup-cost";

const id = "pycache-owned-by-other-user";

/**
 * python-bytecode.md §3: a __pycache__ left by a run as another user (typically `sudo python manage.py …` as root)
 * inside a tree the service owns. Its pycs are read, but stale ones are never replaced.
 */
export const pycacheOwnedByOtherUser: Rule = {
  id,
  check(f) {
    const dirs = f.blocked.get(id);
    if (!dirs?.length) return null;
    const { recompiled } = recompiledSummary(f, dirs);
    const owners = countBy(dirs, (d) =>
      d.dir?.bytecode ? (d.dir.bytecode.nearest.owner ?? `uid ${d.dir.bytecode.nearest.uid}`) : null,
    );
    const pycOwners = countBy(
      dirs.flatMap((d) => d.sources),
      (s) => (s.pycUid !== null && s.pycUid !== f.service.identity.uid ? `uid ${s.pycUid}` : null),
    );
    const evidence: Evidence[] = [
      { label: "Cache directories owned by", value: owners.map(([o, n]) => `${o} (${n})`).join(", ") },
    ];
    if (pycOwners.length)
      evidence.push({ label: "Pycs owned by", value: pycOwners.map(([o, n]) => `${o} (${n})`).join(", ") });
    const sticky = dirs.some((d) => d.dir?.bytecode?.access.cause === "sticky");
    const owner = owners[0]?.[0] ?? "another user";
    return {
      id,
      severity: "warning",
      title: `__pycache__ directories owned by ${owner} block ${f.user}`,
      detail:
        `${f.user} owns these source directories, but their __pycache__ belongs to ${owner}, most likely left by running the app or a management command as that user. ` +
        (sticky ? "In a sticky (+t) __pycache__ only a file's owner may replace it. " : "") +
        `Valid pycs in them are still used, but ${f.user} cannot add or replace any, so missing and stale modules are compiled at every process start: up to ${plural(recompiled, "module")}${estimateUnlessMeasured(f, recompiled)}.`,
      evidence: [...evidence, ...blockedEvidence(f, dirs)],
      fix: [
        chownStep(f, [...new Set(dirs.map((d) => d.root.path))], false),
        {
          text: `Run later management commands as the service user (sudo -u ${f.service.user ?? "root"} …) so they do not leave foreign-owned caches behind.`,
        },
      ],
      startupCost: startupCost(f, recompiled, dirs),
      blocking: {
        directories: dirs.length,
        cause: `${plural(dirs.length, "__pycache__ directory", "__pycache__ directories")} belong to ${owner}, not ${f.user}`,
      },
    };
  },
};
