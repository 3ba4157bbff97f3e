import type { Evidence, FixStep } from "../types";
import type { Rule } from "./rule";
import { precompileStep } from "./support/alternative-steps";
import { blockedEvidence, recompiledSummary } from "./support/blocked-evidence";
import { countBy, plural } from "./support/count-by";
import type { Facts } from "./support/facts";
import { prefixFixSteps } from "./support/prefix-fix";
import { estimateUnlessMeasured, startupCost } from "./support/startup-cost";

const id = "read-only-sandbox";

/** The systemd settings that make paths read-only for the service (python-bytecode.md §7). */
function sandboxSettings(f: Facts): string {
  const s = f.service;
  const parts = [`ProtectSystem=${s.protectSystem}`, `ProtectHome=${s.protectHome}`];
  if (s.dynamicUser) parts.push("DynamicUser=yes (implies ProtectSystem=strict)");
  if (s.readOnlyPaths.length) parts.push(`ReadOnlyPaths=${s.readOnlyPaths.join(" ")}`);
  if (s.readWritePaths.length) parts.push(`ReadWritePaths=${s.readWritePaths.join(" ")}`);
  return parts.join(", ");
}

function fixSteps(f: Facts, mountOnly: boolean, roots: string[]): FixStep[] {
  const steps = prefixFixSteps(f);
  if (mountOnly) return [...steps, precompileStep(f, roots)];
  const unit = f.service.unit ?? "the service";
  return [
    ...steps,
    {
      text: `Alternative: let the service write into its code tree with ReadWritePaths= (\`systemctl edit ${unit}\`). It works, but also lets a compromised service rewrite its own code, which the sandbox was meant to stop; it cannot lift a filesystem mounted read-only.`,
      code: ["[Service]", `ReadWritePaths=${roots.join(" ")}`].join("\n"),
    },
  ];
}

/** The sandbox (or a read-only mount) refuses the write whatever the file modes say. */
export const readOnlySandbox: Rule = {
  id,
  check(f) {
    const dirs = f.blocked.get(id);
    if (!dirs?.length) return null;
    const { recompiled } = recompiledSummary(f, dirs);
    const causes = countBy(dirs, (d) => d.dir?.bytecode?.access.cause ?? null);
    const mountOnly = causes.every(([cause]) => cause === "read-only-mount");
    const evidence: Evidence[] = [
      ...blockedEvidence(f, dirs),
      { label: "Sandbox", value: sandboxSettings(f) },
      { label: "Cause", value: causes.map(([c, n]) => `${c}: ${plural(n, "directory", "directories")}`).join("; ") },
    ];
    return {
      id,
      severity: "warning",
      title: `The service's sandbox keeps bytecode read-only in ${plural(dirs.length, "directory", "directories")}`,
      detail:
        `systemd runs the service with parts of the filesystem read-only (or the filesystem itself is mounted read-only), so ${f.user} cannot save a pyc there even where the file modes would allow it. ` +
        `The importer swallows the error and compiles the missing or stale modules again at every process start: up to ${plural(recompiled, "module")} here${estimateUnlessMeasured(f, recompiled)}. ` +
        "CacheDirectory= stays writable under ProtectSystem=strict and DynamicUser=, which makes it the natural home for PYTHONPYCACHEPREFIX.",
      evidence,
      fix: fixSteps(f, mountOnly, [...new Set(dirs.map((d) => d.root.path))]),
      startupCost: startupCost(f, recompiled, dirs),
      blocking: {
        directories: dirs.length,
        cause: `the sandbox keeps bytecode read-only in ${plural(dirs.length, "directory", "directories")}`,
      },
    };
  },
};
