import "server-only";
import type { Client } from "ssh2";
import { connectEndpoint } from "./ssh-connect";
import { sshExec } from "./ssh-exec";
import { connectViaJumps } from "./ssh-jump";
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_KEEPALIVE_INTERVAL_MS, type SshOptions } from "./ssh-options";
import type { Transport } from "./types";

export type { EndpointRole, HostKeyInfo, SshAuth, SshEndpoint, SshOptions } from "./ssh-options";

/**
 * An SSH Transport (ssh2), optionally through a chain of jump hosts. Rejects with a TransportError whose code
 * says what went wrong (host-key-unknown/-changed, auth-failed, key-passphrase-missing/-wrong,
 * key-unreadable, connect-timeout, connect-failed,
 * jump-failed); nothing is executed unless every host key passed its pin.
 */
export async function createSshTransport(options: SshOptions): Promise<Transport> {
  const settings = {
    timeoutMs: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    keepaliveMs: options.keepaliveIntervalMs ?? DEFAULT_KEEPALIVE_INTERVAL_MS,
    onHostKey: options.onHostKey,
  };
  // A hop's number is only worth showing when there is more than one.
  const jumps = (options.jumps ?? []).map((jump, i, all) => (all.length > 1 ? { ...jump, hop: i + 1 } : jump));
  const { target, jumps: hops }: { target: Client; jumps: Client[] } = jumps.length
    ? await connectViaJumps(options, jumps, settings)
    : { target: await connectEndpoint(options, "target", settings), jumps: [] };
  // Watched from the start, so close() knows when a peer that already hung up is gone. The target closes
  // first, then each hop back towards us, as each carries the next.
  const watched = [target, ...hops.reverse()].map((client) => ({ client, closed: whenClosed(client) }));
  return {
    exec: (command, execOptions) => sshExec(target, command, execOptions),
    close: async () => {
      for (const { client, closed } of watched) await endClient(client, closed);
    },
  };
}

function whenClosed(client: Client): Promise<void> {
  return new Promise((resolve) => client.once("close", () => resolve()));
}

async function endClient(client: Client, closed: Promise<void>): Promise<void> {
  client.end();
  // A polite end normally closes at once; a wedged peer is destroyed rather than hanging close().
  let timer: NodeJS.Timeout | undefined;
  const forced = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      client.destroy();
      resolve();
    }, 2_000);
  });
  await Promise.race([closed, forced]);
  clearTimeout(timer);
}
