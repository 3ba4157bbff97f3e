import type { SnapshotJson } from "@/lib/snapshot-reads/snapshot-json";
import { formatPercent as percent, coveragePercent } from "@/lib/analysis/coverage-percent";
import { displayPath } from "@/lib/snapshot/display-path";
import { cachingVerdict } from "@/lib/analysis/caching-verdict";
import { startupHeadline } from "@/lib/analysis/startup-coverage";
import { impactLines, predictionText } from "@/lib/analysis/impact/impact-lines";
import { targetCostText } from "@/lib/analysis/target-cost";

/** The human summary `deploylens collect` prints: coverage, then each finding with its fix. */
export function formatSnapshot(s: SnapshotJson): string {
  const out: string[] = [`Snapshot ${s.id} of ${s.host} at ${s.takenAt}: ${s.status}`];
  // A failure's error is told once, on stderr, by the caller.
  if (s.interpreter) {
    const prefix = s.interpreter.pycachePrefix ? `, pycache prefix ${displayPath(s.interpreter.pycachePrefix)}` : "";
    out.push(
      `  interpreter ${displayPath(s.interpreter.path)} (${s.interpreter.version}, ${s.interpreter.cacheTag}, -O level ${s.interpreter.optimize}${prefix})`,
    );
  }
  if (s.service) out.push(`  service ${s.service.unit ?? "(none)"} as ${s.service.identity.user}`);
  const cost = targetCostText(s.targetCost, s.durationMs);
  if (cost) out.push(`  collection on the target: ${cost}`);
  if (s.identityNote) out.push(`  note: ${s.identityNote}`);
  const container = s.service?.container;
  if (container) {
    const readOnly = container.readonlyRootfs ? ", read-only root" : "";
    out.push(
      `  container ${container.name} (${container.engine}, image ${container.image ?? container.imageId}${readOnly})`,
    );
  }
  if (s.startup) {
    const c = s.startup.counts;
    out.push(
      `  startup coverage ${startupHeadline({ ...c, percent: coveragePercent(c.fresh, c.modules) })}, ${s.startup.origin === "observed" ? "observed at a real start" : "static closure"} (entry points: ${s.startup.entryPoints.join(", ") || "none"})`,
    );
    if (s.startup.cost)
      out.push(
        `  blocked modules cost ${s.startup.cost.ms} ms of compiling at every start${s.startup.cost.capped ? " (capped)" : ""}`,
      );
    if (s.startup.unresolved.length) out.push(`  not resolved: ${s.startup.unresolved.join(", ")}`);
    for (const note of s.startup.notes) out.push(`  note: ${note}`);
  }
  if (s.impact) {
    out.push("  what it costs:");
    for (const line of impactLines(s.impact)) out.push(`    ${line}`);
  }
  if (s.coverage) {
    const c = s.coverage;
    out.push(
      `  coverage (all sources) ${percent(c.percent)}: ${c.fresh} fresh, ${c.stale} stale, ${c.missing} missing of ${c.sources} sources${s.truncated ? " (truncated)" : ""}`,
    );
    for (const root of s.roots)
      out.push(
        `    ${root.kind.padEnd(13)} ${displayPath(root.path)}: ${percent(root.coverage.percent)} of ${root.coverage.sources}`,
      );
  }
  for (const f of s.findings) {
    out.push("", `[${f.severity}] ${f.id}: ${f.title}`, `  ${f.detail}`);
    if (f.startupCost) out.push(`  cost: ${f.startupCost}`);
    for (const e of f.evidence) out.push(`  - ${e.label}: ${e.value}`);
    f.fix.forEach((step, i) => {
      out.push(`  fix ${i + 1}. ${step.text}`);
      if (step.code) out.push(...step.code.split("\n").map((line) => `       ${line}`));
    });
    const predicted = f.fix[0]?.predicted;
    if (predicted) out.push(`  ${predictionText(predicted)}`);
  }
  const verdict = s.status === "ok" ? cachingVerdict(s.findings, s.startup?.counts ?? null) : null;
  if (verdict) out.push("", verdict);
  out.push("", `Open in the dashboard: ${s.url}`, "");
  return out.join("\n");
}
