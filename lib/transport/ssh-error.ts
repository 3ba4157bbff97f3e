import { describeEndpoint } from "./ssh-host-key";
import type { EndpointRole, SshEndpoint } from "./ssh-options";
import { TransportError, type TransportErrorCode } from "./types";

/** ssh2 tags its errors with a `level` (client-socket, client-timeout, client-authentication, …). */
type Ssh2Error = Error & { level?: string; code?: string | number };

/** Turns whatever a connection attempt threw into a TransportError with a stable code. */
export function sshConnectError(
  err: unknown,
  endpoint: SshEndpoint,
  role: EndpointRole,
  timeoutMs: number,
): TransportError {
  const classified = classify(err, endpoint, role, timeoutMs);
  // Host-key refusals keep their code at a jump too; anything else there is the jump's failure.
  if (role !== "jump" || classified.code.startsWith("host-key-") || classified.code === "jump-failed")
    return classified;
  return new TransportError("jump-failed", classified.message, { ...classified.details, cause: classified.code });
}

function classify(err: unknown, endpoint: SshEndpoint, role: EndpointRole, timeoutMs: number): TransportError {
  if (err instanceof TransportError) return err;
  const e: Ssh2Error = err instanceof Error ? err : new Error(String(err));
  const where = describeEndpoint(endpoint, role);
  const at = endpoint.hop ? { endpoint: role, hop: endpoint.hop } : { endpoint: role };
  const fail = (code: TransportErrorCode, message: string) => new TransportError(code, message, at);
  if (e.level === "client-timeout" || e.code === "ETIMEDOUT") {
    return fail("connect-timeout", `${where} did not complete the SSH handshake within ${timeoutMs} ms.`);
  }
  if (e.level === "client-authentication") {
    return fail("auth-failed", `${where} refused ${endpoint.auth.type} authentication for user ${endpoint.username}.`);
  }
  if (e.level === "agent")
    return fail("auth-failed", `The ssh-agent failed while authenticating to ${where}: ${e.message}`);
  if (e.level === "client-socket" || e.level === "client-dns") {
    return fail("connect-failed", `Cannot connect to ${where}: ${e.message}`);
  }
  return fail("connect-failed", `The SSH connection to ${where} failed: ${e.message}`);
}
