import "server-only";
import { COLLECTION_STORE_WAIT_MS, isDatabaseBusy, waitWhileBusy } from "@/lib/db/database-busy";
import { recordSnapshot, type CollectionOutcome, type StoredSnapshot } from "./record-snapshot";
import type { EncodedBlob } from "@/lib/snapshot/blob-codec";

type Timing = { takenAt: Date; durationMs: number };
export type StoredOutcome = StoredSnapshot & { outcome: CollectionOutcome };

/**
 * Stores what a collection found, waiting (without blocking the event loop) while another process holds
 * the database's write lock. A lock held past the wait leaves a `database-busy` snapshot in its place once
 * the database is writable again, so a collection is never lost nor stored as some other failure.
 */
export async function storeOutcome(
  hostId: string,
  outcome: CollectionOutcome,
  timing: Timing,
  blob?: EncodedBlob,
  waitMs = COLLECTION_STORE_WAIT_MS,
): Promise<StoredOutcome> {
  try {
    const stored = await waitWhileBusy(() => recordSnapshot(hostId, outcome, timing, blob), waitMs);
    return { ...stored, outcome };
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    const busy: CollectionOutcome = {
      ok: false,
      code: "database-busy",
      message: `another process held the database's write lock for over ${waitMs / 1000} s; this collection's result could not be stored`,
    };
    const stored = await waitWhileBusy(() => recordSnapshot(hostId, busy, timing), waitMs);
    return { ...stored, outcome: busy };
  }
}
