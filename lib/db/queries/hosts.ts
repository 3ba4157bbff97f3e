import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { NotFoundError } from "@/lib/errors";
import {
  decodeHost,
  encodeAppRoots,
  encodeEntryPoints,
  encodeJumpChain,
  listJumpHops,
  type HostRow,
  type JumpHop,
} from "../host-columns";
import { hostSettingsOf } from "./host-updates";

export type { HostRow };
/** The columns of a new host, as insertHost takes them: its lists as data, encoded on the way in. */
export type NewHostRow = Omit<Prisma.HostCreateInput, "appRoots" | "entryPoints" | "jumpChain"> & {
  appRoots: string[];
  entryPoints?: string[];
  jumpChain?: JumpHop[];
};

/** What any API or page may show of a host: never the encrypted secret. */
export type HostView = ReturnType<typeof toHostView>;

export function toHostView(host: HostRow) {
  const ssh = host.transport === "ssh";
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
    ...hostSettingsOf(host),
    schedule: host.schedule,
    baselineSnapshotId: host.baselineSnapshotId,
    createdAt: host.createdAt.toISOString(),
  };
}

export async function listHosts(): Promise<HostRow[]> {
  return (await prisma.host.findMany({ orderBy: { name: "asc" } })).map(decodeHost);
}

/** By id or by name: the CLI and scripts use names, the UI uses ids. */
export async function findHost(idOrName: string): Promise<HostRow | null> {
  const row = await prisma.host.findFirst({ where: { OR: [{ id: idOrName }, { name: idOrName }] } });
  return row && decodeHost(row);
}

export async function getHostOrThrow(idOrName: string): Promise<HostRow> {
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
      const further = decodeHost(await tx.host.findUniqueOrThrow({ where: { id } })).jumpChain;
      const pinned = further.map((h, i) => (i === hop - 2 ? { ...h, keySha256: fingerprint } : h));
      await tx.host.update({ where: { id }, data: { jumpChain: encodeJumpChain(pinned) } });
    });
  }
}

export async function findHostIdByName(name: string): Promise<string | null> {
  return (await prisma.host.findUnique({ where: { name }, select: { id: true } }))?.id ?? null;
}

export async function insertHost(data: NewHostRow): Promise<HostRow> {
  const { appRoots, entryPoints = [], jumpChain = [], ...rest } = data;
  const columns = {
    appRoots: encodeAppRoots(appRoots),
    entryPoints: encodeEntryPoints(entryPoints),
    jumpChain: encodeJumpChain(jumpChain),
  };
  return decodeHost(await prisma.host.create({ data: { ...rest, ...columns } }));
}
