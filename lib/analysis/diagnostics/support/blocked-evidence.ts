import type { Evidence } from "../../types";
import { countBy, formatCounts, plural } from "./count-by";
import type { DirFact, Facts } from "./facts";
import { describePermission } from "./format-mode";
import { interpreterLabel, userLabel } from "./service-labels";
import { startupBlockedIn } from "./startup-blocked";
import { summarizePaths } from "./summarize-paths";

const NAMED = 5;

/** Missing and stale-by-reason counts over the sources of some directories. */
export function recompiledSummary(f: Facts, dirs: readonly DirFact[]): { recompiled: number; text: string } {
  let missing = 0;
  let total = 0;
  const stale: { reason: string }[] = [];
  for (const dir of dirs) {
    total += dir.sources.length;
    for (const s of dir.sources) {
      if (s.status === "missing") missing++;
      else if (s.status === "stale" && !f.runsOldCode(s)) stale.push({ reason: s.reason ?? "unknown" });
    }
  }
  const staleText = stale.length ? `, ${stale.length} stale (${formatCounts(countBy(stale, (s) => s.reason))})` : "";
  return {
    recompiled: missing + stale.length,
    text: `${missing} missing${staleText} of ${plural(total, "source")} in these directories`,
  };
}

/** The shared evidence of the rules that own unwritable bytecode directories. */
export function blockedEvidence(f: Facts, dirs: readonly DirFact[]): Evidence[] {
  const located = dirs.flatMap((d) => (d.dir?.bytecode ? [d.dir.bytecode] : []));
  const perms = countBy(
    located,
    (b) =>
      `${describePermission(b.nearest)} on ${b.exists ? "the cache directory" : "its parent (no cache directory yet)"}`,
  );
  const reasons = countBy(located, (b) => b.access.reason);
  const startup = startupBlockedIn(f, dirs);
  const evidence: Evidence[] = [];
  if (startup?.blocked.length) {
    const names = startup.blocked
      .slice(0, NAMED)
      .map((m) => m.name)
      .join(", ");
    const more = startup.blocked.length > NAMED ? ` and ${startup.blocked.length - NAMED} more` : "";
    evidence.push({ label: `Startup modules it blocks (${startup.blocked.length})`, value: `${names}${more}` });
  }
  evidence.push(
    { label: "Service user", value: userLabel(f) },
    {
      label: `Bytecode directories it cannot write (${located.length})`,
      value: summarizePaths(located.map((b) => b.path)),
    },
    {
      label: "Owner and mode",
      value: perms
        .slice(0, 3)
        .map(([p, n]) => `${p}: ${plural(n, "directory", "directories")}`)
        .join("; "),
    },
  );
  if (reasons.length)
    evidence.push({
      label: "Why",
      value: reasons
        .slice(0, 3)
        .map(([r, n]) => (n > 1 ? `${r} (${n}×)` : r))
        .join("; "),
    });
  evidence.push({ label: "Modules without a usable pyc", value: recompiledSummary(f, dirs).text });
  if (f.service.unit) evidence.push({ label: "Unit", value: f.service.unit });
  const interpreter = interpreterLabel(f);
  if (interpreter) evidence.push({ label: "Interpreter", value: interpreter });
  return evidence;
}
