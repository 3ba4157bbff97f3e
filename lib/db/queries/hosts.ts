import "server-only";
import { prisma } from "@/lib/db/client";
import type { Host, Prisma } from "@/lib/db/generated/client";
import { NotFoundError } from "@/lib/errors";
import { decodeHostLists, encodeJumpChain, listJumpHops } from "../host-columns";

export type HostRow = Host;
/** The columns of a new host, as insertHost takes them. */
export type NewHostRow = Prisma.HostCreateInput;

/** What any API or page may show of a host: never the encrypted secret. */
export type HostView = ReturnType<typeof toHostView>;

export function toHostView(host: Host) {
  const ssh = host.transport === "ssh";
  const lists = decodeHostLists(host);
  return {
    id: host.id,
    name: host.name,
    transport: host.transport as "local" | "ssh",
    target:
      (ssh ? `${host.sshUser}@${host.sshHost}:${host.sshPort}` : "this machine") +
      (host.container ? `, container ${host.container}` : ""),
    authMethod: host.authMethod,
    identityFile: host.identityFile,
    hasStoredSecret: host.secretCipher !== null,
    jump: host.jumpHost ? `${host.jumpUser}@${host.jumpHost}:${host.jumpPort}` : null,
    /** A ProxyJump chain's further hops, after `jump`, in connection order. */
    jumpChain: listJumpHops(host)
      .slice(1)
      .map((hop) => ({
        jump: `${hop.user}@${hop.host}:${hop.port}`,
        identityFile: hop.identityFile,
        keySha256: hop.keySha256,
      })),
    jumpAuthMethod: host.jumpHost ? (host.jumpAuthMethod ?? "agent") : null,
    jumpIdentityFile: host.jumpIdentityFile,
    hostKeySha256: host.hostKeySha256,
    jumpKeySha256: host.jumpKeySha256,
    appRoots: lists.appRoots,
    serviceUnit: host.serviceUnit,
    unitFile: host.unitFile,
    python: host.python,
    serviceUser: host.serviceUser,
    container: host.container,
    engine: host.engine,
    entryPoints: lists.entryPoints,
    measureStartup: host.measureStartup,
    maxFiles: host.maxFiles,
    timeoutSeconds: host.timeoutSeconds,
    schedule: host.schedule,
    baselineSnapshotId: host.baselineSnapshotId,
    createdAt: host.createdAt.toISOString(),
  };
}

export async function listHosts(): Promise<Host[]> {
  return prisma.host.findMany({ orderBy: { name: "asc" } });
}

/** By id or by name: the CLI and scripts use names, the UI uses ids. */
export async function findHost(idOrName: string): Promise<Host | null> {
  return prisma.host.findFirst({ where: { OR: [{ id: idOrName }, { name: idOrName }] } });
}

export async function getHostOrThrow(idOrName: string): Promise<Host> {
  const host = await findHost(idOrName);
  if (!host) throw new NotFoundError("host", idOrName);
  return host;
}

/** Pins one endpoint's key; `hop` (1 = the first jump host) picks a jump host of a chain. */
export async function pinHostKey(id: string, endpoint: "target" | "jump", fingerprint: string, hop = 1): Promise<void> {
  if (endpoint === "target") {
    await prisma.host.update({ where: { id }, data: { hostKeySha256: fingerprint, acceptNextHostKey: false } });
  } else if (hop === 1) {
    await prisma.host.update({ where: { id }, data: { jumpKeySha256: fingerprint } });
  } else {
    // The chain is one JSON column: read, change one hop, write back, with nothing in between.
    await prisma.$transaction(async (tx) => {
      const further = listJumpHops(await tx.host.findUniqueOrThrow({ where: { id } })).slice(1);
      const pinned = further.map((h, i) => (i === hop - 2 ? { ...h, keySha256: fingerprint } : h));
      await tx.host.update({ where: { id }, data: { jumpChain: encodeJumpChain(pinned) } });
    });
  }
}

export async function findHostIdByName(name: string): Promise<string | null> {
  return (await prisma.host.findUnique({ where: { name }, select: { id: true } }))?.id ?? null;
}

export async function insertHost(data: Prisma.HostCreateInput): Promise<Host> {
  return prisma.host.create({ data });
}
