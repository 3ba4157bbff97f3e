import "server-only";
import type { HostRow } from "@/lib/db/queries/hosts";
import { listJumpHops } from "@/lib/db/host-columns";
import { createLocalTransport } from "@/lib/transport/local";
import { createSshTransport, type HostKeyInfo, type SshAuth } from "@/lib/transport/ssh";
import type { Transport } from "@/lib/transport/types";
import { jumpAuth, targetAuth } from "./host-auth";

type Where = { user: string | null; address: string | null; port: number | null; pinned: string | null };

/** A key accepted on an explicit --accept-host-key connection, for its endpoint that had no pin. */
export type AcceptedKey = { endpoint: "target" | "jump"; fingerprint: string; hop: number };
export type ConnectedHost = { transport: Transport; accepted: AcceptedKey[] };

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
 * Connects to a saved host, with its secrets decrypted and its pins applied, through every jump host of its
 * chain. Nothing is written to the database here: the keys the connection accepted come back as data, for
 * openHostTransport (or a collection started early) to pin. It touches no database client, so the CLI can
 * connect before it has loaded one.
 */
export async function connectHost(host: HostRow): Promise<ConnectedHost> {
  if (host.transport === "local") return { transport: createLocalTransport(), accepted: [] };
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
  const accepted = seen.flatMap(({ endpoint: which, hop, fingerprint, accepted: wasAccepted }) => {
    const pinned = which === "target" ? host.hostKeySha256 : hops[(hop ?? 1) - 1]?.keySha256;
    return wasAccepted && pinned === null ? [{ endpoint: which, fingerprint, hop: hop ?? 1 }] : [];
  });
  return { transport, accepted };
}
