import "server-only";
import { prisma } from "@/lib/db/client";
import { coverageOf } from "@/lib/analysis/coverage";
import { diagnose } from "@/lib/analysis/diagnostics";
import { startupCountsOf } from "@/lib/analysis/startup-coverage";
import { compressBlob, sha256Hex } from "./blob-codec";
import { canonicalJson } from "./canonical-json";
import { configHash } from "./config-hash";
import type { Inventory, Measurements } from "./schema";

export type CollectionOutcome =
  | { ok: true; inventory: Inventory; measurements: Measurements }
  | { ok: false; code: string; message: string };

/** Stores the inventory once per distinct content; returns its hash. */
async function storeBlob(inventory: Inventory): Promise<string> {
  const raw = Buffer.from(canonicalJson(inventory));
  const sha256 = sha256Hex(raw);
  const known = await prisma.inventoryBlob.findUnique({ where: { sha256 }, select: { sha256: true } });
  if (!known) {
    // Prisma's Bytes type wants a plain ArrayBuffer-backed array, not a pooled Buffer.
    const data = new Uint8Array(compressBlob(raw));
    // upsert, not create: a concurrent identical snapshot may have stored it meanwhile.
    await prisma.inventoryBlob.upsert({ where: { sha256 }, create: { sha256, rawBytes: raw.length, data }, update: {} });
  }
  return sha256;
}

/** Records one collection, ok or failed. Snapshots are never updated afterwards. */
export async function storeSnapshot(
  hostId: string,
  outcome: CollectionOutcome,
  timing: { takenAt: Date; durationMs: number },
): Promise<string> {
  const base = { hostId, takenAt: timing.takenAt, durationMs: Math.round(timing.durationMs) };
  if (!outcome.ok) {
    const failed = await prisma.snapshot.create({
      data: { ...base, status: "failed", errorCode: outcome.code, errorMessage: outcome.message.slice(0, 4000) },
    });
    return failed.id;
  }
  const { inventory, measurements } = outcome;
  const blobSha256 = await storeBlob(inventory);
  const { overall } = coverageOf(inventory);
  const findings = diagnose({ id: "", host: "", takenAt: timing.takenAt.toISOString(), inventory, measurements });
  const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
  const closure = inventory.startup ? startupCountsOf(inventory.startup) : null;
  const snapshot = await prisma.snapshot.create({
    data: {
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
      warningFindings: count("warning"),
      startupMs: measurements.startup?.ms ?? null,
      startupModules: measurements.startup?.modules ?? null,
      startupClosure: closure?.modules ?? null,
      startupFresh: closure?.fresh ?? null,
      startupBlocked: closure?.blocked ?? null,
      measurements: JSON.stringify(measurements),
      blobSha256,
    },
  });
  return snapshot.id;
}
