import "server-only";
import type { HostRow } from "@/lib/db/queries/hosts";
import { pinHostKey } from "@/lib/db/queries/hosts";
import type { Transport } from "@/lib/transport/types";
import { connectHost, type ConnectedHost } from "./connect-host";

/**
 * The transport a saved host names (connectHost), with the keys accepted on an explicit --accept-host-key
 * connection persisted once the connection has succeeded.
 */
export async function openHostTransport(host: HostRow): Promise<Transport> {
  return pinAcceptedKeys(host, await connectHost(host));
}

/** Pins the keys a connection accepted; the connection is closed when they cannot be stored. */
export async function pinAcceptedKeys(host: HostRow, { transport, accepted }: ConnectedHost): Promise<Transport> {
  try {
    for (const { endpoint, fingerprint, hop } of accepted) await pinHostKey(host.id, endpoint, fingerprint, hop);
  } catch (error) {
    await transport.close();
    throw error;
  }
  return transport;
}
