import { fingerprintOf, keyTypeOf, sameFingerprint } from "./fingerprint";
import type { EndpointRole, HostKeyInfo, SshEndpoint } from "./ssh-options";
import { TransportError } from "./types";

export type HostKeyCheck = {
  /** For ssh2's `hostVerifier` (no `hostHash`): receives the raw key blob, false aborts the handshake. */
  verify: (key: Buffer) => boolean;
  /** Why verify refused, so the generic "Host denied" handshake error can be replaced by it. */
  failure: () => TransportError | undefined;
};

export function describeEndpoint(endpoint: SshEndpoint, role: EndpointRole): string {
  const label = role === "jump" ? `jump host${endpoint.hop ? ` ${endpoint.hop}` : ""}` : "host";
  return `${label} ${endpoint.username}@${endpoint.host}:${endpoint.port}`;
}

/** The CLI flags that name this endpoint in `hosts trust`. */
function trustFlags(endpoint: SshEndpoint, role: EndpointRole): string {
  if (role !== "jump") return "";
  return endpoint.hop && endpoint.hop > 1 ? ` --hop ${endpoint.hop}` : " --jump";
}

const hopOf = (endpoint: SshEndpoint) => (endpoint.hop ? { hop: endpoint.hop } : {});

/** Where a failure happened, as data: the endpoint's role (and hop in a chain) and address. */
function endpointDetails(endpoint: SshEndpoint, role: EndpointRole) {
  return { endpoint: role, ...hopOf(endpoint), host: endpoint.host, port: endpoint.port };
}

/** Applies the pinning rules (README "Security") to the key one endpoint presents. */
export function hostKeyCheck(
  endpoint: SshEndpoint,
  role: EndpointRole,
  report?: (info: HostKeyInfo) => void,
): HostKeyCheck {
  let failure: TransportError | undefined;
  let reported = false;
  const where = describeEndpoint(endpoint, role);
  const verify = (key: Buffer): boolean => {
    const presented = fingerprintOf(key);
    const keyType = keyTypeOf(key);
    const typed = keyType ? { keyType } : {};
    const pinned = endpoint.pinnedHostKey;
    if (pinned !== null && !sameFingerprint(pinned, presented)) {
      failure = new TransportError(
        "host-key-changed",
        `The host key of ${where} has CHANGED: pinned ${pinned}, presented ${presented}. ` +
          "Refusing to connect, since this is what a man-in-the-middle attack looks like. If the server was " +
          `really re-keyed, replace the pin explicitly: CLI \`hosts trust NAME ${presented} --replace ${pinned}` +
          `${trustFlags(endpoint, role)}\`, or the Trust button in the UI.`,
        { ...endpointDetails(endpoint, role), fingerprint: presented, ...typed, pinned },
      );
    } else if (pinned === null && !endpoint.acceptNewHostKey) {
      failure = new TransportError(
        "host-key-unknown",
        `The host key of ${where} is not trusted yet; it presented ${presented}. Compare it with the ` +
          "server's own (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub), then trust it: CLI " +
          `\`hosts trust NAME ${presented}${trustFlags(endpoint, role)}\` (or add the host with --accept-host-key), ` +
          "or the Trust button in the UI.",
        { ...endpointDetails(endpoint, role), fingerprint: presented, ...typed },
      );
    }
    // A re-key runs the verifier again with the same key; the caller hears about it once.
    if (!reported)
      report?.({ ...hopOf(endpoint), endpoint: role, fingerprint: presented, accepted: failure === undefined });
    reported = true;
    return failure === undefined;
  };
  return { verify, failure: () => failure };
}
