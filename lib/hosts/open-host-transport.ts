import "server-only";
import type { Host } from "@/lib/db/generated/client";
import { pinHostKey } from "@/lib/db/queries/hosts";
import { createLocalTransport } from "@/lib/transport/local";
import { createSshTransport, type HostKeyInfo, type SshAuth } from "@/lib/transport/ssh";
import type { Transport } from "@/lib/transport/types";
import { jumpAuth, targetAuth } from "./host-auth";

type Where = { user: string | null; address: string | null; port: number | null; pinned: string | null };

function endpoint({ user, address, port, pinned }: Where, auth: SshAuth, accept: boolean) {
  return {
    host: address ?? "",
    port: port ?? 22,
    username: user ?? "",
    auth,
    pinnedHostKey: pinned,
    acceptNewHostKey: accept,
  };
}

/**
 * The transport a saved host names, with its secrets decrypted and its pins applied. The transport
 * reports each key it saw as data; keys accepted on an explicit --accept-host-key connection are
 * persisted here, once the connection has succeeded.
 */
export async function openHostTransport(host: Host): Promise<Transport> {
  if (host.transport === "local") return createLocalTransport();
  const seen: HostKeyInfo[] = [];
  const accept = host.acceptNextHostKey;
  const transport = await createSshTransport({
    ...endpoint(
      { user: host.sshUser, address: host.sshHost, port: host.sshPort, pinned: host.hostKeySha256 },
      await targetAuth(host),
      accept,
    ),
    jump: host.jumpHost
      ? endpoint(
          { user: host.jumpUser, address: host.jumpHost, port: host.jumpPort, pinned: host.jumpKeySha256 },
          await jumpAuth(host),
          accept,
        )
      : undefined,
    onHostKey: (info) => seen.push(info),
  });
  const pinned = { target: host.hostKeySha256, jump: host.jumpKeySha256 };
  for (const { endpoint: which, fingerprint, accepted } of seen) {
    if (accepted && pinned[which] === null) await pinHostKey(host.id, which, fingerprint);
  }
  return transport;
}
