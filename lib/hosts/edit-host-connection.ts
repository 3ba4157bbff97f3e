import "server-only";
import type { Host } from "@/lib/db/generated/client";
import { updateHostConnection } from "@/lib/db/queries/host-connection";
import type { HostConnectionData } from "./host-row-data";

/**
 * Changes how a saved SSH host is reached. A pin belongs to an address: when the target's or the jump host's
 * address or port changes, its pin is dropped, and the next connection (or a Test connection) asks again.
 */
export async function editHostConnection(host: Host, connection: HostConnectionData): Promise<Host> {
  const sameTarget = connection.sshHost === host.sshHost && connection.sshPort === (host.sshPort ?? 22);
  const sameJump = connection.jumpHost === host.jumpHost && connection.jumpPort === host.jumpPort;
  return updateHostConnection(host.id, {
    ...connection,
    hostKeySha256: sameTarget ? host.hostKeySha256 : null,
    jumpKeySha256: sameJump ? host.jumpKeySha256 : null,
  });
}
