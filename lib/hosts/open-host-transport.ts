import "server-only";
import type { HostRow } from "@/lib/db/queries/hosts";
import { listJumpHops } from "@/lib/db/host-columns";
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
 * The transport a saved host names, with its secrets decrypted and its pins applied, through every jump
 * host of its chain. The transport reports each key it saw as data; keys accepted on an explicit
 * --accept-host-key connection are persisted here, once the connection has succeeded.
 */
export async function openHostTransport(host: HostRow): Promise<Transport> {
  if (host.transport === "local") return createLocalTransport();
  const seen: HostKeyInfo[] = [];
  const accept = host.acceptNextHostKey;
  const hops = listJumpHops(host);
  const jumps = await Promise.all(
    hops.map(async (hop, i) =>
      endpoint(
        { user: hop.user, address: hop.host, port: hop.port, pinned: hop.keySha256 },
        await jumpAuth(host, hop, i + 1),
        accept,
      ),
    ),
  );
  const transport = await createSshTransport({
    ...endpoint(
      { user: host.sshUser, address: host.sshHost, port: host.sshPort, pinned: host.hostKeySha256 },
      await targetAuth(host),
      accept,
    ),
    jumps,
    onHostKey: (info) => seen.push(info),
  });
  for (const { endpoint: which, hop, fingerprint, accepted } of seen) {
    const pinned = which === "target" ? host.hostKeySha256 : hops[(hop ?? 1) - 1]?.keySha256;
    if (accepted && pinned === null) await pinHostKey(host.id, which, fingerprint, hop ?? 1);
  }
  return transport;
}
