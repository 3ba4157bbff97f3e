import "server-only";
import { prisma } from "@/lib/db/client";
import type { Host, Prisma, Snapshot } from "@/lib/db/generated/client";
import { NotFoundError } from "@/lib/errors";
import { decodeHost, type HostRow } from "../host-columns";
import { decodeSnapshot, type SnapshotRecord } from "../snapshot-columns";

export type { SnapshotRecord };
export type SnapshotRow = SnapshotRecord & { host: HostRow };

function withDecodedHost(row: (Snapshot & { host: Host }) | null): SnapshotRow | null {
  return row && { ...decodeSnapshot(row), host: decodeHost(row.host) };
}

export async function findSnapshot(id: string): Promise<SnapshotRow | null> {
  return withDecodedHost(await prisma.snapshot.findUnique({ where: { id }, include: { host: true } }));
}

export async function getSnapshotOrThrow(id: string): Promise<SnapshotRow> {
  const snapshot = await findSnapshot(id);
  if (!snapshot) throw new NotFoundError("snapshot", id);
  return snapshot;
}

export async function findLatestOkSnapshot(hostId: string): Promise<SnapshotRow | null> {
  return withDecodedHost(
    await prisma.snapshot.findFirst({
      where: { hostId, status: "ok" },
      orderBy: { takenAt: "desc" },
      include: { host: true },
    }),
  );
}

/** The successful snapshot of the same host just before `takenAt`: "one host over time". */
export async function findPreviousOkSnapshot(hostId: string, takenAt: Date): Promise<SnapshotRecord | null> {
  const row = await prisma.snapshot.findFirst({
    where: { hostId, status: "ok", takenAt: { lt: takenAt } },
    orderBy: { takenAt: "desc" },
  });
  return row && decodeSnapshot(row);
}

/**
 * The newest successful snapshot of any host but `hostName`: the default other side when a host is compared
 * ("Compare with…" never pairs a host with itself). Null when no other host has one.
 */
export async function findLatestOkSnapshotOfOtherHost(hostName: string): Promise<{ hostName: string } | null> {
  const row = await prisma.snapshot.findFirst({
    where: { status: "ok", host: { name: { not: hostName } } },
    orderBy: { takenAt: "desc" },
    select: { host: { select: { name: true } } },
  });
  return row && { hostName: row.host.name };
}

/** "host · 2026-12-07 10:00 UTC" for each of these snapshot ids that exists, in one query. */
export async function listSnapshotLabels(ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await prisma.snapshot.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, takenAt: true, host: { select: { name: true } } },
  });
  return new Map(
    rows.map((r) => [r.id, `${r.host.name} · ${r.takenAt.toISOString().replace("T", " ").slice(0, 16)} UTC`]),
  );
}

/** A snapshot row without its view (the compressed JSON only the snapshot page and its API read). */
export type SnapshotListRow = Omit<SnapshotRecord, "view">;

/**
 * Newest first, without the view: what lists and the history chart need; `skip` pages through them. The view is
 * most of a row's bytes, and a list of 200 would read, copy and (in the API) serialize all of them.
 */
export async function listSnapshots(hostId: string, { take = 200, skip = 0 } = {}): Promise<SnapshotListRow[]> {
  const rows = await prisma.snapshot.findMany({
    where: { hostId },
    orderBy: { takenAt: "desc" },
    take,
    skip,
    omit: { view: true },
  });
  return rows.map(decodeSnapshot);
}

export async function countSnapshots(hostId: string): Promise<number> {
  return prisma.snapshot.count({ where: { hostId } });
}

export async function readBlob(sha256: string): Promise<{ data: Uint8Array; rawBytes: number }> {
  const blob = await prisma.inventoryBlob.findUnique({ where: { sha256 } });
  if (!blob) throw new NotFoundError("inventory blob", sha256);
  return { data: blob.data, rawBytes: blob.rawBytes };
}

/** Stores a blob unless one with this hash exists; `data` is only computed when it is needed. */
export async function saveInventoryBlob(
  sha256: string,
  rawBytes: number,
  data: () => Uint8Array<ArrayBuffer>,
): Promise<void> {
  const known = await prisma.inventoryBlob.findUnique({ where: { sha256 }, select: { sha256: true } });
  if (known) return;
  // ON CONFLICT: a concurrent identical snapshot may have stored it meanwhile. A raw statement, not upsert():
  // the query compiler would take the blob's base64 into its WebAssembly memory, which never shrinks (a
  // 1.7 MB blob grew the process by 16 MB, against 10 MB this way).
  await prisma.$executeRaw`INSERT INTO "InventoryBlob" ("sha256", "rawBytes", "data", "createdAt")
    VALUES (${sha256}, ${rawBytes}, ${data()}, ${new Date()}) ON CONFLICT ("sha256") DO NOTHING`;
}

/** Inserts one snapshot row; returns its id. */
export async function createSnapshotRow(data: Prisma.SnapshotUncheckedCreateInput): Promise<string> {
  return (await prisma.snapshot.create({ data, select: { id: true } })).id;
}

/** Failed snapshots of one host that recorded host-key facts, newest first. */
export async function listHostKeyFailures(hostId: string, take = 50): Promise<SnapshotRecord[]> {
  const rows = await prisma.snapshot.findMany({
    where: { hostId, status: "failed", errorDetails: { not: null } },
    orderBy: { takenAt: "desc" },
    take,
  });
  return rows.map(decodeSnapshot);
}

/** The uncompressed size of a stored inventory, or null when there is no such blob. */
export async function findBlobRawBytes(sha256: string): Promise<number | null> {
  return (await prisma.inventoryBlob.findUnique({ where: { sha256 }, select: { rawBytes: true } }))?.rawBytes ?? null;
}

/** The blob of a snapshot's inventory: null for a failed collection, which has none. */
export async function getSnapshotBlobOrThrow(id: string): Promise<string | null> {
  const row = await prisma.snapshot.findUnique({ where: { id }, select: { status: true, blobSha256: true } });
  if (!row) throw new NotFoundError("snapshot", id);
  return row.status === "ok" ? row.blobSha256 : null;
}
