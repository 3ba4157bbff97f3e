/** How to authenticate to one SSH endpoint. */
export type SshAuth =
  /** The running ssh-agent; `socket` defaults to SSH_AUTH_SOCK. */
  | { type: "agent"; socket?: string }
  /** A private key (OpenSSH/PEM text) the caller read from a file or from the credential store. */
  | { type: "key"; privateKey: string | Buffer; passphrase?: string }
  | { type: "password"; password: string };

export type SshEndpoint = {
  host: string;
  port: number;
  username: string;
  auth: SshAuth;
  /** "SHA256:base64" pinned fingerprint, or null when none is pinned yet. */
  pinnedHostKey: string | null;
  /** Trust an unpinned key on this connection. Never overrides a pin that differs. */
  acceptNewHostKey: boolean;
  /** In a chain of two or more jump hosts: this hop's place, 1 = the one connected to directly. */
  hop?: number;
};

export type EndpointRole = "target" | "jump";

export type HostKeyInfo = { endpoint: EndpointRole; hop?: number; fingerprint: string; accepted: boolean };

export type SshOptions = SshEndpoint & {
  /** Jump hosts in connection order (`ssh -J a,b`): the first is dialled, each next one through the last. */
  jumps?: SshEndpoint[];
  /** Limit for TCP connect + SSH handshake + authentication, per endpoint. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** SSH-level keepalive interval; a peer that misses 3 in a row is dropped. Default 15 000 ms. */
  keepaliveIntervalMs?: number;
  /** Called once per endpoint with the fingerprint actually presented, so the caller can pin it. */
  onHostKey?: (info: HostKeyInfo) => void;
};

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
export const DEFAULT_KEEPALIVE_INTERVAL_MS = 15_000;
