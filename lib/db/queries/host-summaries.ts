import "server-only";
import { prisma } from "@/lib/db/client";
import { Prisma, type Host, type Snapshot } from "@/lib/db/generated/client";

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

export type SparkPoint = { id: string; startupClosure: number; startupFresh: number };

/**
 * The last `per` successful snapshots with a startup closure of each host, oldest first, in one query for all
 * hosts: a window function keeps `per` rows per host instead of loading every host's whole history.
 */
export async function listRecentStartupByHost(hostIds: string[], per = 30): Promise<Map<string, SparkPoint[]>> {
  const byHost = new Map<string, SparkPoint[]>();
  if (hostIds.length === 0) return byHost;
  const rows = await prisma.$queryRaw<
    { id: string; hostId: string; startupClosure: number | bigint; startupFresh: number | bigint | null }[]
  >(Prisma.sql`
    SELECT id, hostId, startupClosure, startupFresh FROM (
      SELECT id, hostId, startupClosure, startupFresh, takenAt,
             ROW_NUMBER() OVER (PARTITION BY hostId ORDER BY takenAt DESC) AS rank
      FROM Snapshot
      WHERE status = 'ok' AND startupClosure IS NOT NULL AND hostId IN (${Prisma.join(hostIds)})
    ) WHERE rank <= ${per}
    ORDER BY hostId, takenAt ASC`);
  for (const row of rows) {
    const point = {
      id: row.id,
      startupClosure: Number(row.startupClosure),
      startupFresh: Number(row.startupFresh ?? 0),
    };
    byHost.set(row.hostId, [...(byHost.get(row.hostId) ?? []), point]);
  }
  return byHost;
}
