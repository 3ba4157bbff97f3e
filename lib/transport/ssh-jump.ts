import type { Client, ClientChannel } from "ssh2";
import { connectEndpoint, type ConnectSettings } from "./ssh-connect";
import { describeEndpoint } from "./ssh-host-key";
import type { SshEndpoint } from "./ssh-options";
import { TransportError } from "./types";

/**
 * Reaches `target` through `jump` like `ssh -J`: authenticate to the jump, ask it for a direct-tcpip
 * channel to the target, then run a second SSH session (its own host-key check and auth) inside it.
 */
export async function connectViaJump(
  target: SshEndpoint,
  jump: SshEndpoint,
  settings: ConnectSettings,
): Promise<{ target: Client; jump: Client }> {
  const jumpClient = await connectEndpoint(jump, "jump", settings);
  try {
    const tunnel = await forwardOut(jumpClient, jump, target, settings.timeoutMs);
    const targetClient = await connectEndpoint(target, "target", { ...settings, sock: tunnel });
    return { target: targetClient, jump: jumpClient };
  } catch (err) {
    jumpClient.end();
    throw err;
  }
}

function forwardOut(client: Client, jump: SshEndpoint, target: SshEndpoint, timeoutMs: number): Promise<ClientChannel> {
  const via = describeEndpoint(jump, "jump");
  const to = `${target.host}:${target.port}`;
  const failure = (reason: string) =>
    new TransportError("jump-failed", `The ${via} could not open a connection to ${to}: ${reason}`, {
      endpoint: "jump",
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(failure(`no answer within ${timeoutMs} ms`)), timeoutMs);
    // The originating address is informational for the jump's logs; 127.0.0.1:0 is what OpenSSH sends.
    client.forwardOut("127.0.0.1", 0, target.host, target.port, (err, channel) => {
      clearTimeout(timer);
      if (err) reject(failure(err.message));
      else resolve(channel);
    });
  });
}
