import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { decodeHost, encodeJumpChain, type HostRow, type JumpHop } from "../host-columns";

/** How a saved SSH host is reached: address, login, credential, jump hosts, and their pins. */
export type HostConnectionUpdate = { jumpChain: JumpHop[] } & Pick<
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
  | "hostKeySha256"
  | "jumpKeySha256"
>;

export async function updateHostConnection(id: string, data: HostConnectionUpdate): Promise<HostRow> {
  const { jumpChain, ...rest } = data;
  return decodeHost(
    await prisma.host.update({ where: { id }, data: { ...rest, jumpChain: encodeJumpChain(jumpChain) } }),
  );
}
