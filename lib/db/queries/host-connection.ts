import "server-only";
import { prisma } from "@/lib/db/client";
import type { Host, Prisma } from "@/lib/db/generated/client";

/** How a saved SSH host is reached: address, login, credential, jump hosts, and their pins. */
export type HostConnectionUpdate = Pick<
  Prisma.HostUpdateInput,
  | "sshUser"
  | "sshHost"
  | "sshPort"
  | "authMethod"
  | "identityFile"
  | "secretCipher"
  | "jumpUser"
  | "jumpHost"
  | "jumpPort"
  | "jumpAuthMethod"
  | "jumpIdentityFile"
  | "jumpChain"
  | "hostKeySha256"
  | "jumpKeySha256"
>;

export async function updateHostConnection(id: string, data: HostConnectionUpdate): Promise<Host> {
  return prisma.host.update({ where: { id }, data });
}
