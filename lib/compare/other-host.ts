import "server-only";
import { findLatestOkSnapshotOfOtherHost } from "@/lib/db/queries/snapshots";

/**
 * The host "Compare with…" pairs `hostName` with: the most recently collected other host with a successful
 * snapshot (never the host itself). Null when no other host has one.
 */
export async function otherHostToCompare(hostName: string): Promise<string | null> {
  return (await findLatestOkSnapshotOfOtherHost(hostName))?.hostName ?? null;
}
