import "server-only";
import { prisma } from "@/lib/db/client";
import { toHostView } from "@/lib/db/queries/hosts";

/** Every host with its newest snapshot (any status) and newest successful one, for the home page. */
export async function listHostSummaries() {
  const hosts = await prisma.host.findMany({ orderBy: { name: "asc" } });
  return Promise.all(
    hosts.map(async (host) => {
      const [latest, latestOk] = await Promise.all([
        prisma.snapshot.findFirst({ where: { hostId: host.id }, orderBy: { takenAt: "desc" } }),
        prisma.snapshot.findFirst({ where: { hostId: host.id, status: "ok" }, orderBy: { takenAt: "desc" } }),
      ]);
      return { host: toHostView(host), latest, latestOk };
    }),
  );
}

export type HostSummary = Awaited<ReturnType<typeof listHostSummaries>>[number];
