import "server-only";
import { countSnapshotsByHost } from "@/lib/db/queries/retention";

/** How many snapshots each host keeps, by host name: what retention has left, shown beside the store's size. */
export function snapshotsPerHost(): ReturnType<typeof countSnapshotsByHost> {
  return countSnapshotsByHost();
}
