import "server-only";
import { coverageOf } from "@/lib/analysis/coverage";
import { diagnose } from "@/lib/analysis/diagnostics";
import { criticalFindingIds } from "@/lib/analysis/critical-finding-ids";
import { snapshotViewOf, type SnapshotView } from "@/lib/analysis/snapshot-view";
import { startupCountsOf } from "@/lib/analysis/startup-coverage";
import { encodeView } from "@/lib/db/snapshot-columns";
import { eventLoopTurns } from "@/lib/event-loop-turns";
import { insertSnapshot } from "@/lib/db/store-snapshot";
import { regressionsBeforeInsert } from "@/lib/regressions/regressions-before-insert";
import type { EncodedBlob } from "@/lib/snapshot/blob-codec";
import { configHash } from "@/lib/snapshot/config-hash";
import { errorDetailsSchema, type ErrorDetails } from "@/lib/snapshot/error-details";
import { encodeInventory } from "@/lib/snapshot/inventory-blob-writer";
import type { Inventory, Measurements } from "@/lib/snapshot/schema";
import type { SourceTable } from "@/lib/snapshot/source-table";

export type CollectionOutcome =
  | { ok: true; inventory: Inventory; measurements: Measurements; sourceTables?: readonly SourceTable[] }
  // Stored as text: a snapshot row keeps the code it was written with, an earlier version's too.
  | { ok: false; code: string; message: string; details?: Record<string, string | number> };

export type StoredSnapshot = { id: string; view: SnapshotView | null };

type Timing = { takenAt: Date; durationMs: number };

function failedDetails(outcome: Extract<CollectionOutcome, { ok: false }>): ErrorDetails | null {
  if (!outcome.details || Object.keys(outcome.details).length === 0) return null;
  // Only the documented fields, each bounded: this row is what the trust route believes.
  const parsed = errorDetailsSchema.safeParse({ ...outcome.details, code: outcome.code });
  return parsed.success ? parsed.data : null;
}

/** Records one collection, ok or failed, with its summary columns. Snapshots are never updated afterwards. */
export async function storeSnapshot(hostId: string, outcome: CollectionOutcome, timing: Timing): Promise<string> {
  return (await recordSnapshot(hostId, outcome, timing)).id;
}

/**
 * Analyses a collection and stores it: the summary columns, the regressions against the host's previous
 * snapshot and baseline, and the blob, in one insert. Returns the view it computed
 * (lib/analysis/snapshot-view.ts). `blob` is the inventory as it was encoded while it arrived
 * (run-collector's blobWriter); without it, it is encoded here.
 */
export async function recordSnapshot(
  hostId: string,
  outcome: CollectionOutcome,
  timing: Timing,
  blob?: EncodedBlob,
): Promise<StoredSnapshot> {
  const base = { hostId, takenAt: timing.takenAt, durationMs: Math.round(timing.durationMs) };
  if (!outcome.ok) {
    const id = await insertSnapshot({
      ...base,
      status: "failed",
      errorCode: outcome.code,
      errorMessage: outcome.message.slice(0, 4000),
      errorDetails: failedDetails(outcome),
    });
    return { id, view: null };
  }
  const { inventory, measurements, sourceTables } = outcome;
  // Packed sources are not in the inventory itself: their blob was encoded while they arrived.
  if (sourceTables && !blob) throw new Error("a collection with packed sources is stored with its blob");
  // Each pass over the sources runs without an await: requests get their turn between the passes.
  const turn = eventLoopTurns();
  const coverage = coverageOf(inventory, sourceTables);
  await turn();
  const { overall } = coverage;
  const closure = inventory.startup ? startupCountsOf(inventory.startup) : null;
  const input = { id: "", host: "", takenAt: timing.takenAt.toISOString(), inventory, measurements, sourceTables };
  const findings = diagnose(input);
  await turn();
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const columns = {
    ...base,
    status: "ok" as const,
    truncated: inventory.truncated !== null,
    sources: overall.sources,
    fresh: overall.fresh,
    stale: overall.stale,
    missing: overall.missing,
    interpreterVersion: inventory.interpreter?.version ?? null,
    serviceUser: inventory.service.identity.user,
    configHash: configHash(inventory),
    criticalFindings: count("critical"),
    criticalFindingIds: criticalFindingIds(findings),
    warningFindings: count("warning"),
    startupMs: measurements.startup?.ms ?? null,
    startupModules: measurements.startup?.modules ?? null,
    startupClosure: closure?.modules ?? null,
    startupFresh: closure?.fresh ?? null,
    startupBlocked: closure?.blocked ?? null,
    measurements,
  };
  const regressions = await regressionsBeforeInsert(columns);
  const view = snapshotViewOf(input, { coverage, findings });
  await turn();
  const id = await insertSnapshot(
    {
      ...columns,
      regressions,
      // Kept with the row so reading the snapshot neither decodes the blob nor re-runs the rules.
      view: encodeView(view),
    },
    blob ?? (await encodeInventory(inventory)),
  );
  return { id, view };
}
