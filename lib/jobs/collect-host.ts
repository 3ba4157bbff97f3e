import "server-only";
import type { HostRow } from "@/lib/db/queries/hosts";
import type { SnapshotView } from "@/lib/analysis/snapshot-view";
import { runCollector } from "@/lib/collector/run-collector";
import { isDatabaseBusy } from "@/lib/db/database-busy";
import type { CollectionOutcome } from "./record-snapshot";
import { AppError } from "@/lib/errors";
import { openHostTransport, pinAcceptedKeys } from "@/lib/hosts/open-host-transport";
import type { Transport } from "@/lib/transport/types";
import { withObservedStartup } from "@/lib/jobs/apply-observation";
import { specForHost } from "@/lib/hosts/spec-for-host";
import type { EncodedBlob } from "@/lib/snapshot/blob-codec";
import type { ProgressEvent } from "@/lib/snapshot/collector-events";
import type { Inventory } from "@/lib/snapshot/schema";
import type { SourceTable } from "@/lib/snapshot/source-table";
import { InventoryBlobWriter } from "@/lib/snapshot/inventory-blob-writer";
import { takeEarlyCollector, type EarlyCollector } from "./early-collector";
import { storeOutcome } from "./store-outcome";

export type CollectResult = {
  snapshotId: string;
  ok: boolean;
  code: string | null;
  message: string | null;
  /** What the snapshot JSON shows (no per-file arrays), so `collect` need not read the blob back. */
  view?: SnapshotView | null;
};

type Collected = { outcome: CollectionOutcome; blob?: EncodedBlob };

/** The host's transport: the one whose collector already runs when the CLI started it early, else a new one. */
async function openCollectionTransport(host: HostRow, early: EarlyCollector | null): Promise<Transport> {
  return early ? pinAcceptedKeys(host, await early.connected) : openHostTransport(host);
}

async function collectOutcome(
  host: HostRow,
  early: EarlyCollector | null,
  signal: AbortSignal,
  onProgress?: (e: ProgressEvent) => void,
): Promise<Collected> {
  // The blob is hashed and compressed while the records arrive; a failed collection drops it. The sources
  // stay packed for the analysis, in a scratch file but for their last few thousand
  // (lib/snapshot/source-table.ts), so memory hardly grows with the tree.
  const blobWriter = new InventoryBlobWriter();
  try {
    const transport = await openCollectionTransport(host, early);
    try {
      const outcome = await runCollector(transport, specForHost(host), {
        onProgress,
        signal,
        blobWriter,
        compactSources: true,
      });
      if (!outcome.ok) return { outcome };
      const inventory = await withObservedStartup(host.id, outcome.inventory, outcome.sourceTables);
      return { outcome: { ...outcome, inventory }, blob: await blobWriter.finish(inventory) };
    } finally {
      blobWriter.abort();
      await transport.close();
    }
  } catch (error) {
    return { outcome: failureOf(error, host, signal) };
  }
}

function failureOf(error: unknown, host: HostRow, signal: AbortSignal): CollectionOutcome {
  // Every failure a user can fix is an AppError with its own code; its details are stored as data.
  if (error instanceof AppError) {
    return { ok: false, code: error.code, message: error.message, details: error.details };
  }
  // Reading the host's secrets or pinning its key needs the database: a lock there is not the target's fault.
  if (isDatabaseBusy(error)) {
    return { ok: false, code: "database-busy", message: "another process held the database's write lock" };
  }
  if (signal.aborted) return { ok: false, code: "timeout", message: `collection exceeded ${host.timeoutSeconds} s` };
  return { ok: false, code: "internal", message: error instanceof Error ? error.message : String(error) };
}

/** A stored collection's inventory, its sources packed, with its blob's hash: what its file index is built from. */
export type StoredInventory = { blobSha256: string; inventory: Inventory; sourceTables: readonly SourceTable[] };

/**
 * Connect → collect → validate → store, bounded by the host's overall timeout. Failures are stored too.
 * `onStored` is handed a stored collection's packed inventory while it is still readable; the promise it returns,
 * if any, says when it no longer reads it.
 */
export async function collectHost(
  host: HostRow,
  onProgress?: (e: ProgressEvent) => void,
  onStored?: (stored: StoredInventory) => Promise<void> | undefined,
): Promise<CollectResult> {
  const early = takeEarlyCollector(host);
  const takenAt = early?.startedAt ?? new Date();
  const started = early?.startedMs ?? performance.now();
  // The time limit runs from the collector's start: a collector the CLI started early has used part of it.
  const remainingMs = host.timeoutSeconds * 1000 - (performance.now() - started);
  const signal = AbortSignal.timeout(Math.max(0, Math.round(remainingMs)));
  const collected = await collectOutcome(host, early, signal, onProgress);
  let outcome = collected.outcome;
  if (!outcome.ok && signal.aborted) {
    outcome = {
      ok: false,
      code: "timeout",
      message: `collection exceeded ${host.timeoutSeconds} s (${outcome.message})`,
    };
  }
  const timing = { takenAt, durationMs: performance.now() - started };
  const closeTables = () => {
    if (collected.outcome.ok) for (const table of collected.outcome.sourceTables ?? []) table.close();
  };
  const stored = await storeOutcome(host.id, outcome, timing, collected.blob).catch((error: unknown) => {
    closeTables();
    throw error;
  });
  const { id: snapshotId, view } = stored;
  outcome = stored.outcome;
  // The tables' scratch file stays until whoever they were handed to has read them.
  const reading =
    outcome.ok && outcome.sourceTables && collected.blob
      ? onStored?.({
          blobSha256: collected.blob.sha256,
          inventory: outcome.inventory,
          sourceTables: outcome.sourceTables,
        })
      : undefined;
  if (reading) void reading.then(closeTables, closeTables);
  else closeTables();
  return outcome.ok
    ? { snapshotId, ok: true, code: null, message: null, view }
    : { snapshotId, ok: false, code: outcome.code, message: outcome.message };
}
