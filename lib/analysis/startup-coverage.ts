import type { Startup } from "@/lib/snapshot/schema";
import { coveragePercent } from "./coverage-percent";

/**
 * The headline numbers: startup coverage = fresh / modules of the service's startup import closure,
 * rounded DOWN to one decimal by the same coveragePercent() as all-sources coverage (100 means every module it loads is cached);
 * blocked = modules that are not fresh and that the service can never cache (compiled at every start).
 * Null when the snapshot has no closure (taken before it was collected) or the closure is empty.
 */
export type StartupCounts = {
  modules: number;
  fresh: number;
  stale: number;
  missing: number;
  blocked: number;
};

export type StartupCoverage = StartupCounts & { percent: number | null };

/** The modules the headline counts: those a real start imported when an observation applies, else the static closure. */
export function headlineModules(startup: Startup): Startup["modules"] {
  return startup.observed?.modules ?? startup.modules;
}

/** "observed" when the headline counts an observed start, "static" when it counts the static closure. */
export function startupOrigin(startup: Startup): "observed" | "static" {
  return startup.observed ? "observed" : "static";
}

export function startupCountsOf(startup: Startup): StartupCounts {
  const modules = headlineModules(startup);
  const counts = { modules: modules.length, fresh: 0, stale: 0, missing: 0, blocked: 0 };
  for (const m of modules) {
    if (m.status === "fresh" || m.status === "stale" || m.status === "missing") counts[m.status]++;
    if (m.blocked) counts.blocked++;
  }
  return counts;
}

export function startupCoverageOf(startup: Startup | null | undefined): StartupCoverage | null {
  if (!startup) return null;
  const counts = startupCountsOf(startup);
  return { ...counts, percent: coveragePercent(counts.fresh, counts.modules) };
}

/** "96.4 % (27/28), 1 blocked" — the text every surface shows first. */
export function startupHeadline(
  c: { percent: number | null; fresh: number; modules: number; blocked: number } | null,
): string {
  if (!c || c.percent === null) return "no startup closure";
  return `${c.percent} % (${c.fresh}/${c.modules}), ${c.blocked} blocked`;
}
