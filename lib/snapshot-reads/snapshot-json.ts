import { identityNote } from "@/lib/analysis/identity-note";
import type { SnapshotView } from "@/lib/analysis/snapshot-view";
import { headlineModules, startupCountsOf, startupOrigin } from "@/lib/analysis/startup-coverage";
import type { SnapshotRow } from "@/lib/db/queries/snapshots";

export type SnapshotJson = ReturnType<typeof snapshotJsonOf>;

/** A failed snapshot's error: its code, its message and the facts recorded with it. */
function errorOf(row: SnapshotRow) {
  return {
    code: row.errorCode ?? "unknown",
    message: row.errorMessage ?? "",
    details: row.errorDetails,
  };
}

/**
 * The public JSON of a snapshot: `collect --json` and `GET /api/snapshots/:id` return exactly this. `view` is
 * the one stored with the snapshot (lib/snapshot-reads/view-of-snapshot.ts), or the one the store step just computed.
 */
export function snapshotJsonOf(row: SnapshotRow, view: SnapshotView | null, baseUrl: string) {
  const inventory = view?.inventory ?? null;
  const coverage = view?.coverage ?? null;
  const interpreter = inventory?.interpreter ?? null;
  return {
    id: row.id,
    host: row.host.name,
    takenAt: row.takenAt.toISOString(),
    status: row.status as "ok" | "failed",
    error: row.status === "failed" ? errorOf(row) : null,
    truncated: row.truncated,
    interpreter: interpreter && {
      path: interpreter.path,
      version: interpreter.version,
      cacheTag: interpreter.cacheTag,
      optimize: interpreter.optimize,
      pycachePrefix: interpreter.pycachePrefix,
      dontWriteBytecode: interpreter.dontWriteBytecode,
    },
    service: inventory?.service ?? null,
    /** Set when no unit or host --user named the service's user: blocked counts are the collecting user's. */
    identityNote: inventory ? identityNote(inventory.service) : null,
    /** Coverage of all sources under the roots (the startup closure is the headline). */
    coverage: coverage ? { ...coverage.overall, label: "all sources" as const } : null,
    roots: coverage?.roots ?? [],
    startup: startupJson(view),
    /** Processes per start × starts per day × the measured compile cost of the blocked modules. */
    impact: view?.impact ?? null,
    /** The service's server settings as read from its command line and config files. */
    server: inventory?.server ?? null,
    findings: view?.findings ?? [],
    durationMs: row.durationMs,
    /** What the collection cost the target: CPU of the collector and its processes, peak memory of the largest. */
    targetCost: view?.measurements?.target ?? null,
    url: `${baseUrl}/snapshots/${row.id}`,
  };
}

/**
 * The startup closure as the contract shows it: counts first, then every module; cost measures the blocked
 * ones. origin "observed": the modules a real start imported (an observation that still applies);
 * "static": the collector's static closure, whose entry points came from `entryPointsFrom`.
 */
function startupJson(view: SnapshotView | null) {
  const startup = view?.inventory.startup;
  if (!view || !startup) return null;
  return {
    origin: startupOrigin(startup),
    observationId: startup.observed?.observationId ?? null,
    entryPointsFrom: startup.origin,
    entryPoints: startup.entryPoints,
    counts: startupCountsOf(startup),
    modules: headlineModules(startup).map(({ name, path, status, blocked }) => ({ name, path, status, blocked })),
    unresolved: startup.unresolved,
    unparsed: startup.unparsed,
    notes: startup.notes,
    truncated: startup.truncated,
    cost: view.measurements?.startup ?? null,
  };
}
