import type { Facts } from "../diagnostics/support/facts";
import type { BlockingRuleId } from "../diagnostics/support/blocking-rule";
import { startupBlockedIn } from "../diagnostics/support/startup-blocked";
import { coveragePercent } from "../coverage-percent";
import { startupCountsOf } from "../startup-coverage";
import type { Finding } from "../types";
import { round3, scaleRange } from "./range";
import type { Impact, Prediction, Range } from "./types";

const BLOCKING: ReadonlySet<string> = new Set<BlockingRuleId>([
  "bytecode-writing-disabled",
  "read-only-sandbox",
  "pycache-prefix-not-writable",
  "pycache-owned-by-other-user",
  "pycache-not-writable",
]);

/** The share of today's cost each server-settings fix removes (the modules stay blocked, fewer processes pay). */
function serverShare(id: string, impact: Impact, facts: Facts): number {
  const server = facts.inventory.server;
  const processes = impact.processesPerStart.value;
  const startShare = (after: number) => (processes > 0 ? Math.max(0, 1 - after / processes) : 0);
  if (id === "autoreload-in-production") return server?.kind === "django-runserver" ? startShare(1) : 0;
  if (id === "gunicorn-workers-above-cores") return startShare(2 * (server?.cores ?? 1) + 1);
  return 0;
}

/** What applying this finding's fix would leave: computed from this snapshot alone, so it is stored with it. */
export function predictFix(finding: Finding, facts: Facts, impact: Impact | null): Prediction {
  const startup = facts.inventory.startup;
  const counts = startup ? startupCountsOf(startup) : null;
  const cpu = impact?.cpuSecondsPerDay ?? null;
  const none: Range | null = cpu && { low: 0, high: 0 };
  if (!counts) return { blocked: 0, startupCoverage: null, cpuSecondsPerDay: none };
  // Modules that are not fresh but writable are cached at the next start anyway.
  const unchanged = {
    blocked: counts.blocked,
    startupCoverage: coveragePercent(counts.modules - counts.blocked, counts.modules),
  };
  if (BLOCKING.has(finding.id)) {
    const fixed = startupBlockedIn(facts, facts.blocked.get(finding.id as BlockingRuleId) ?? [])?.blocked.length ?? 0;
    const blocked = counts.blocked - fixed;
    const share = counts.blocked ? fixed / counts.blocked : 0;
    return {
      blocked,
      startupCoverage: coveragePercent(counts.modules - blocked, counts.modules),
      cpuSecondsPerDay: cpu && scaleRange(cpu, share),
    };
  }
  if (finding.id === "max-requests-recompile" && impact?.recycling?.recyclesPerDay != null) {
    const perDay = scaleRange(impact.perProcessStartMs, impact.recycling.recyclesPerDay / 1000);
    return { ...unchanged, cpuSecondsPerDay: cpu && perDay };
  }
  if ((finding.id === "gunicorn-preload-off" || finding.id === "uwsgi-lazy-apps") && impact?.startsPerDay && cpu) {
    // Imported once before the fork: one process pays at each start, recycled workers pay nothing.
    const after = scaleRange(impact.perProcessStartMs, impact.startsPerDay.value / 1000);
    return {
      ...unchanged,
      cpuSecondsPerDay: { low: round3(cpu.low - after.low), high: round3(cpu.high - after.high) },
    };
  }
  const share = impact ? serverShare(finding.id, impact, facts) : 0;
  return { ...unchanged, cpuSecondsPerDay: cpu && scaleRange(cpu, share) };
}
