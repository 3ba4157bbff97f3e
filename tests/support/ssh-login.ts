import { createSshTransport, type SshOptions } from "@/lib/transport/ssh";
import { TransportError } from "@/lib/transport/types";
import type { Sshd } from "./sshd";

/** Key login as the test user, with the test sshd's host key pinned. */
export function keyLogin(sshd: Sshd): SshOptions {
  return {
    host: sshd.host,
    port: sshd.port,
    username: sshd.user,
    auth: { type: "key", privateKey: sshd.privateKey },
    pinnedHostKey: sshd.hostKeyFingerprint,
    acceptNewHostKey: false,
  };
}

/** The TransportError a connection attempt fails with; a connection that succeeds fails the test. */
export async function connectError(opts: SshOptions): Promise<TransportError> {
  const err: unknown = await createSshTransport(opts).then(
    (t) => t.close().then(() => new Error("connected, but should not have")),
    (e: unknown) => e,
  );
  if (!(err instanceof TransportError)) throw err;
  return err;
}

/**
 * The details of a refused host key as `endpoint` presented it (ed25519, as every test sshd's is); `pinned` when
 * another key was pinned.
 */
export function refusedHostKey(
  endpoint: "target" | "jump",
  sshd: Sshd,
  { fingerprint = sshd.hostKeyFingerprint, pinned }: { fingerprint?: string; pinned?: string } = {},
) {
  const details = { endpoint, host: sshd.host, port: sshd.port, fingerprint, keyType: "ssh-ed25519" };
  return pinned === undefined ? details : { ...details, pinned };
}
