import "server-only";
import { countSnapshots, listSnapshots } from "@/lib/db/queries/snapshots";
import { readThroughStore } from "@/lib/db/store-cache";
import type { ErrorDetails } from "@/lib/snapshot/error-details";
import type { SnapshotSummary } from "@/lib/snapshot/snapshot-summary";

/** One page of a host's snapshots, newest first, and how many it has in all. */
export function listHostSnapshotPage(
  hostId: string,
  page: { skip: number; take: number },
): Promise<{ listed: SnapshotSummary[]; total: number }> {
  return readThroughStore(`host-snapshot-page:${hostId}:${page.skip}:${page.take}`, async () => {
    const [listed, total] = await Promise.all([listSnapshots(hostId, page), countSnapshots(hostId)]);
    return { listed, total };
  });
}

/** A history point's snapshot: its summary and, for a failure, the facts recorded with it. */
export type HistorySnapshot = SnapshotSummary & { errorDetails: ErrorDetails | null };

/** The host's last 200 snapshots, newest first, each failure's facts decoded: the history chart's input. */
export function listHostHistory(hostId: string): Promise<HistorySnapshot[]> {
  return readThroughStore(`host-history:${hostId}`, () => listSnapshots(hostId));
}
