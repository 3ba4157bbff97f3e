import "server-only";
import type { Host } from "@/lib/db/generated/client";
import { runCollector } from "@/lib/collector/run-collector";
import { storeSnapshot, type CollectionOutcome } from "@/lib/db/store-snapshot";
import { AppError } from "@/lib/errors";
import { openHostTransport } from "@/lib/hosts/open-host-transport";
import { specForHost } from "@/lib/hosts/spec-for-host";
import type { ProgressEvent } from "@/lib/snapshot/collector-events";

export type CollectResult = { snapshotId: string; ok: boolean; code: string | null; message: string | null };

async function collectOutcome(
  host: Host,
  signal: AbortSignal,
  onProgress?: (e: ProgressEvent) => void,
): Promise<CollectionOutcome> {
  try {
    const transport = await openHostTransport(host);
    try {
      return await runCollector(transport, specForHost(host), { onProgress, signal });
    } finally {
      await transport.close();
    }
  } catch (error) {
    // Every failure a user can fix is an AppError with its own code; its details are stored as data.
    if (error instanceof AppError) {
      return { ok: false, code: error.code, message: error.message, details: error.details };
    }
    if (signal.aborted) return { ok: false, code: "timeout", message: `collection exceeded ${host.timeoutSeconds} s` };
    return { ok: false, code: "internal", message: error instanceof Error ? error.message : String(error) };
  }
}

/** Connect → collect → validate → store, bounded by the host's overall timeout. Failures are stored too. */
export async function collectHost(host: Host, onProgress?: (e: ProgressEvent) => void): Promise<CollectResult> {
  const takenAt = new Date();
  const started = performance.now();
  const signal = AbortSignal.timeout(host.timeoutSeconds * 1000);
  let outcome = await collectOutcome(host, signal, onProgress);
  if (!outcome.ok && signal.aborted) {
    outcome = {
      ok: false,
      code: "timeout",
      message: `collection exceeded ${host.timeoutSeconds} s (${outcome.message})`,
    };
  }
  const snapshotId = await storeSnapshot(host.id, outcome, { takenAt, durationMs: performance.now() - started });
  return outcome.ok
    ? { snapshotId, ok: true, code: null, message: null }
    : { snapshotId, ok: false, code: outcome.code, message: outcome.message };
}
