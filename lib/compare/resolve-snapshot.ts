import "server-only";
import { findHost } from "@/lib/db/queries/hosts";
import { findLatestOkSnapshot, findSnapshot, type SnapshotRow } from "@/lib/db/queries/snapshots";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { SnapshotInput } from "@/lib/analysis/types";
import { toSnapshotInput } from "@/lib/db/load-snapshot";

/** A compare side's row: a host name/id (its latest ok snapshot) or a snapshot id; failed snapshots are refused. */
export async function resolveSnapshotRow(ref: string): Promise<SnapshotRow> {
  const host = await findHost(ref);
  const row = host ? await findLatestOkSnapshot(host.id) : await findSnapshot(ref);
  if (!row) {
    if (host) throw new NotFoundError("successful snapshot of host", host.name);
    throw new NotFoundError("host or snapshot", ref);
  }
  if (row.status !== "ok" || !row.blobSha256)
    throw new ValidationError(
      `snapshot ${row.id} failed (${row.errorCode}); only successful snapshots can be compared`,
      "snapshot-failed",
    );
  return row;
}

/** A compare side with its inventory decoded (see resolveSnapshotRow). */
export async function resolveSnapshot(ref: string): Promise<{ row: SnapshotRow; input: SnapshotInput }> {
  const row = await resolveSnapshotRow(ref);
  return { row, input: (await toSnapshotInput(row))! };
}
