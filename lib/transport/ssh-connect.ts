import type { Readable } from "node:stream";
// ssh2 is CommonJS: plain Node ESM (the CLI) only sees its default export.
import ssh2, { type Client as ClientType } from "ssh2";

const { Client } = ssh2;
type Client = ClientType;
import { sshAuthConfig } from "./ssh-auth";
import { sshConnectError } from "./ssh-error";
import { hostKeyCheck } from "./ssh-host-key";
import type { EndpointRole, HostKeyInfo, SshEndpoint } from "./ssh-options";

export type ConnectSettings = {
  timeoutMs: number;
  keepaliveMs: number;
  onHostKey?: (info: HostKeyInfo) => void;
  /** An already-open stream to the server (a jump host's forwardOut) instead of a TCP connection. */
  sock?: Readable;
};

/** Connects and authenticates one endpoint; resolves only once the host key passed and auth succeeded. */
export function connectEndpoint(endpoint: SshEndpoint, role: EndpointRole, settings: ConnectSettings): Promise<Client> {
  const check = hostKeyCheck(endpoint, role, settings.onHostKey);
  const client = new Client();
  return new Promise<Client>((resolve, reject) => {
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      client.destroy();
      reject(sshConnectError(check.failure() ?? err, endpoint, role, settings.timeoutMs));
    };
    client.on("error", fail);
    client.once("close", () => fail(new Error("the server closed the connection during the handshake")));
    client.once("ready", () => {
      settled = true;
      resolve(client);
    });
    try {
      client.connect({
        ...sshAuthConfig(endpoint.auth, role),
        host: endpoint.host,
        port: endpoint.port,
        username: endpoint.username,
        sock: settings.sock,
        hostVerifier: check.verify,
        readyTimeout: settings.timeoutMs,
        keepaliveInterval: settings.keepaliveMs,
        keepaliveCountMax: 3,
      });
    } catch (err) {
      fail(err);
    }
  });
}
