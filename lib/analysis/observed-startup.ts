import type { Inventory, Source, Startup, StartupModule } from "@/lib/snapshot/schema";
import type { StoredObservation } from "@/lib/snapshot/observation-schema";
import { rootSources } from "./root-sources";
import type { SourceTable } from "@/lib/snapshot/source-table";

/** An observation as the headline needs it: its id, the configuration it was made under, its body. */
export type ObservationForHeadline = { id: string; configHash: string | null; body: StoredObservation };

/** Which modules the static closure missed, and which it listed that the start never imported. */
export function staticDiff(staticModules: readonly { name: string }[], observed: readonly { name: string }[]) {
  const known = new Set(staticModules.map((m) => m.name));
  const seen = new Set(observed.map((m) => m.name));
  return {
    staticMissed: [...seen].filter((n) => !known.has(n)).sort(),
    staticExtra: [...known].filter((n) => !seen.has(n)).sort(),
  };
}

/** Same size and mtime (within the float noise of two JSON round trips). */
const sameStat = (a: { size: number | null; mtime: number | null }, b: { size: number; mtime: number }) =>
  a.size === b.size && a.mtime !== null && Math.abs(a.mtime - b.mtime) < 1e-3;

/**
 * Does the observation still describe this inventory's service? Its configuration hash must match, and every
 * observed source under a root must be in the inventory with the size and mtime it had when observed.
 * Sources outside the roots (the standard library) change with the interpreter, which the hash covers.
 */
export function observationApplies(
  observation: ObservationForHeadline,
  inventory: Inventory,
  configHashNow: string,
  sourceTables?: readonly SourceTable[],
): boolean {
  if (observation.configHash !== configHashNow) return false;
  for (const [index, root] of inventory.roots.entries()) {
    const base = root.path.endsWith("/") ? root.path : `${root.path}/`;
    const wanted = new Map(
      Object.entries(observation.body.sources)
        .filter(([p]) => p.startsWith(base))
        .map(([p, stat]) => [p.slice(base.length), stat]),
    );
    if (wanted.size === 0) continue;
    for (const source of rootSources(inventory, index, sourceTables)) {
      const stat = wanted.get(source.path);
      if (!stat) continue;
      if (!sameStat(stat, source)) return false;
      wanted.delete(source.path);
    }
    if (wanted.size > 0) return false; // an observed source is gone
  }
  return true;
}

/** The collector's verdict on each observed source under a root, by absolute path (for modules static analysis missed). */
export function rootVerdicts(
  inventory: Inventory,
  paths: readonly string[],
  sourceTables?: readonly SourceTable[],
): Map<string, Pick<Source, "status" | "reason">> {
  const out = new Map<string, Pick<Source, "status" | "reason">>();
  for (const [index, root] of inventory.roots.entries()) {
    const base = root.path.endsWith("/") ? root.path : `${root.path}/`;
    const wanted = new Set(paths.filter((p) => p.startsWith(base)).map((p) => p.slice(base.length)));
    if (wanted.size === 0) continue;
    for (const source of rootSources(inventory, index, sourceTables))
      if (wanted.has(source.path)) out.set(base + source.path, { status: source.status, reason: source.reason });
  }
  return out;
}

/**
 * The closure the headline counts when an observation applies: the modules the start imported, each in its
 * state now (the collector's verdict from the static closure or the root walk), blocked when the start could
 * not write its pyc and it is still not fresh. A module the collector never judged keeps the start's verdict.
 */
export function observedStartup(
  startup: Startup,
  observation: ObservationForHeadline,
  judgedInRoots: ReadonlyMap<string, Pick<Source, "status" | "reason">> = new Map(),
): Startup {
  const judged = new Map(startup.modules.map((m) => [m.path, m]));
  const modules: StartupModule[] = observation.body.modules.map((m) => {
    const now = judged.get(m.path) ?? judgedInRoots.get(m.path);
    const { name, path } = m;
    if (!now)
      return { name, path, status: m.loaded === "cache" ? "fresh" : "missing", reason: null, blocked: m.blocked };
    const staticBlocked = judged.get(m.path)?.blocked ?? false;
    const blocked = now.status !== "fresh" && (m.blocked || staticBlocked);
    return { name, path, status: now.status, reason: now.reason, blocked };
  });
  return { ...startup, observed: { observationId: observation.id, modules } };
}
