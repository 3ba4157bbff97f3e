import type { Client, ClientChannel } from "ssh2";
import { connectEndpoint, type ConnectSettings } from "./ssh-connect";
import { describeEndpoint } from "./ssh-host-key";
import type { SshEndpoint } from "./ssh-options";
import { TransportError } from "./types";

/**
 * Reaches `target` through `jumps` like `ssh -J a,b`: authenticate to the first hop, ask it for a
 * direct-tcpip channel to the next, run the next SSH session (its own host-key check and auth) inside
 * that channel, and so on until the target. Every client is returned, nearest the target last.
 */
export async function connectViaJumps(
  target: SshEndpoint,
  jumps: SshEndpoint[],
  settings: ConnectSettings,
): Promise<{ target: Client; jumps: Client[] }> {
  const opened: Client[] = [];
  try {
    let via: { client: Client; endpoint: SshEndpoint } | null = null;
    for (const jump of jumps) {
      const sock = via ? await forwardOut(via.client, via.endpoint, jump, settings.timeoutMs) : undefined;
      const client = await connectEndpoint(jump, "jump", { ...settings, sock });
      opened.push(client);
      via = { client, endpoint: jump };
    }
    if (!via) throw new Error("connectViaJumps needs at least one jump host");
    const tunnel = await forwardOut(via.client, via.endpoint, target, settings.timeoutMs);
    return { target: await connectEndpoint(target, "target", { ...settings, sock: tunnel }), jumps: opened };
  } catch (err) {
    for (const client of opened.reverse()) client.end();
    throw err;
  }
}

function forwardOut(client: Client, jump: SshEndpoint, next: SshEndpoint, timeoutMs: number): Promise<ClientChannel> {
  const via = describeEndpoint(jump, "jump");
  const to = `${next.host}:${next.port}`;
  const failure = (reason: string) =>
    new TransportError("jump-failed", `The ${via} could not open a connection to ${to}: ${reason}`, {
      endpoint: "jump",
      ...(jump.hop ? { hop: jump.hop } : {}),
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(failure(`no answer within ${timeoutMs} ms`)), timeoutMs);
    // The originating address is informational for the jump's logs; 127.0.0.1:0 is what OpenSSH sends.
    client.forwardOut("127.0.0.1", 0, next.host, next.port, (err, channel) => {
      clearTimeout(timer);
      if (err) reject(failure(err.message));
      else resolve(channel);
    });
  });
}
