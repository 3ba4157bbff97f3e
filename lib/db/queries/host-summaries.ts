import "server-only";
import { prisma } from "@/lib/db/client";
import type { Host, Snapshot } from "@/lib/db/generated/client";

export type HostWithLatest = { host: Host; latest: Snapshot | null; latestOk: Snapshot | null };

/** Every host by name, with its newest snapshot (any status) and its newest successful one. */
export async function listHostsWithLatest(): Promise<HostWithLatest[]> {
  const hosts = await prisma.host.findMany({
    orderBy: { name: "asc" },
    include: { snapshots: { orderBy: { takenAt: "desc" }, take: 1 } },
  });
  const latestOk = await prisma.snapshot.findMany({
    where: { status: "ok", hostId: { in: hosts.map((h) => h.id) } },
    orderBy: { takenAt: "desc" },
    distinct: ["hostId"],
  });
  const okByHost = new Map(latestOk.map((s) => [s.hostId, s]));
  return hosts.map(({ snapshots, ...host }) => ({
    host,
    latest: snapshots[0] ?? null,
    latestOk: okByHost.get(host.id) ?? null,
  }));
}
