import type { SnapshotJson } from "@/lib/api/snapshot-json";
import { formatPercent as percent } from "@/lib/analysis/coverage-percent";
import { displayPath } from "@/lib/snapshot/display-path";


/** The human summary `deploylens collect` prints: coverage, then each finding with its fix. */
export function formatSnapshot(s: SnapshotJson): string {
  const out: string[] = [`Snapshot ${s.id} of ${s.host} at ${s.takenAt}: ${s.status}`];
  if (s.error) out.push(`  error [${s.error.code}]: ${s.error.message}`);
  if (s.interpreter) {
    const prefix = s.interpreter.pycachePrefix ? `, pycache prefix ${displayPath(s.interpreter.pycachePrefix)}` : "";
    out.push(`  interpreter ${displayPath(s.interpreter.path)} (${s.interpreter.version}, ${s.interpreter.cacheTag}, -O level ${s.interpreter.optimize}${prefix})`);
  }
  if (s.service) out.push(`  service ${s.service.unit ?? "(none)"} as ${s.service.identity.user}`);
  if (s.coverage) {
    const c = s.coverage;
    out.push(`  coverage ${percent(c.percent)}: ${c.fresh} fresh, ${c.stale} stale, ${c.missing} missing of ${c.sources} sources${s.truncated ? " (truncated)" : ""}`);
    for (const root of s.roots) out.push(`    ${root.kind.padEnd(13)} ${displayPath(root.path)}: ${percent(root.coverage.percent)} of ${root.coverage.sources}`);
  }
  for (const f of s.findings) {
    out.push("", `[${f.severity}] ${f.id}: ${f.title}`, `  ${f.detail}`);
    if (f.startupCost) out.push(`  cost: ${f.startupCost}`);
    for (const e of f.evidence) out.push(`  - ${e.label}: ${e.value}`);
    f.fix.forEach((step, i) => {
      out.push(`  fix ${i + 1}. ${step.text}`);
      if (step.code) out.push(...step.code.split("\n").map((line) => `       ${line}`));
    });
  }
  if (s.status === "ok" && s.findings.length === 0) out.push("", "No findings: bytecode caching works for this service.");
  out.push("", `Open in the dashboard: ${s.url}`, "");
  return out.join("\n");
}
