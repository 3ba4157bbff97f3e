import "server-only";
import { coverageOf } from "@/lib/analysis/coverage";
import { diagnose } from "@/lib/analysis/diagnostics";
import { criticalFindingIds } from "@/lib/analysis/critical-finding-ids";
import { startupCountsOf } from "@/lib/analysis/startup-coverage";
import { compressBlob, sha256Hex } from "@/lib/snapshot/blob-codec";
import { canonicalJson } from "@/lib/snapshot/canonical-json";
import { configHash } from "@/lib/snapshot/config-hash";
import { errorDetailsSchema } from "@/lib/snapshot/error-details";
import type { Inventory, Measurements } from "@/lib/snapshot/schema";
import { createSnapshotRow, saveInventoryBlob } from "./queries/snapshots";

export type CollectionOutcome =
  | { ok: true; inventory: Inventory; measurements: Measurements }
  | { ok: false; code: string; message: string; details?: Record<string, string | number> };

/** Stores the inventory once per distinct content; returns its hash. */
async function storeBlob(inventory: Inventory): Promise<string> {
  const raw = Buffer.from(canonicalJson(inventory));
  const sha256 = sha256Hex(raw);
  // Prisma's Bytes type wants a plain ArrayBuffer-backed array, not a pooled Buffer.
  await saveInventoryBlob(sha256, raw.length, () => new Uint8Array(compressBlob(raw)));
  return sha256;
}

function failedDetails(outcome: Extract<CollectionOutcome, { ok: false }>): string | null {
  if (!outcome.details || Object.keys(outcome.details).length === 0) return null;
  // Only the documented fields, each bounded: this row is what the trust route believes.
  const parsed = errorDetailsSchema.safeParse({ ...outcome.details, code: outcome.code });
  return parsed.success ? JSON.stringify(parsed.data) : null;
}

/** Records one collection, ok or failed, with its summary columns. Snapshots are never updated afterwards. */
export async function storeSnapshot(
  hostId: string,
  outcome: CollectionOutcome,
  timing: { takenAt: Date; durationMs: number },
): Promise<string> {
  const base = { hostId, takenAt: timing.takenAt, durationMs: Math.round(timing.durationMs) };
  if (!outcome.ok) {
    return createSnapshotRow({
      ...base,
      status: "failed",
      errorCode: outcome.code,
      errorMessage: outcome.message.slice(0, 4000),
      errorDetails: failedDetails(outcome),
    });
  }
  const { inventory, measurements } = outcome;
  const blobSha256 = await storeBlob(inventory);
  const { overall } = coverageOf(inventory);
  const closure = inventory.startup ? startupCountsOf(inventory.startup) : null;
  const findings = diagnose({ id: "", host: "", takenAt: timing.takenAt.toISOString(), inventory, measurements });
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  return createSnapshotRow({
    ...base,
    status: "ok",
    truncated: inventory.truncated !== null,
    sources: overall.sources,
    fresh: overall.fresh,
    stale: overall.stale,
    missing: overall.missing,
    interpreterVersion: inventory.interpreter?.version ?? null,
    serviceUser: inventory.service.identity.user,
    configHash: configHash(inventory),
    criticalFindings: count("critical"),
    criticalFindingIds: JSON.stringify(criticalFindingIds(findings)),
    warningFindings: count("warning"),
    startupMs: measurements.startup?.ms ?? null,
    startupModules: measurements.startup?.modules ?? null,
    startupClosure: closure?.modules ?? null,
    startupFresh: closure?.fresh ?? null,
    startupBlocked: closure?.blocked ?? null,
    measurements: JSON.stringify(measurements),
    blobSha256,
  });
}
