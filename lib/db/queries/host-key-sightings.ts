import "server-only";
import { prisma } from "@/lib/db/client";

/** Records that `address:port` presented `fingerprint` to this server (idempotent; the time is refreshed). */
export async function recordHostKeySighting(address: string, port: number, fingerprint: string): Promise<void> {
  await prisma.hostKeySighting.upsert({
    where: { address_port_fingerprint: { address, port, fingerprint } },
    create: { address, port, fingerprint },
    update: { seenAt: new Date() },
  });
}

export async function findHostKeySighting(address: string, port: number, fingerprint: string) {
  return prisma.hostKeySighting.findUnique({ where: { address_port_fingerprint: { address, port, fingerprint } } });
}
