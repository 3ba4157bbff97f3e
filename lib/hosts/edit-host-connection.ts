import "server-only";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { Host } from "@/lib/db/generated/client";
import { encodeJumpChain, listJumpHops } from "@/lib/db/jump-chain";
import { updateHostConnection } from "@/lib/db/queries/host-connection";
import { openCredential } from "@/lib/secrets/credential";
import type { HostConnectionData } from "./host-row-data";

// Compared to name what changed in the audit log; the secret is named, never its value.
const AUDITED = ["sshUser", "sshHost", "sshPort", "authMethod", "identityFile"] as const;

// Every sealing uses a fresh nonce, so two ciphertexts of one secret differ: compare what they hold.
function sameSecret(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return JSON.stringify(openCredential(a)) === JSON.stringify(openCredential(b));
}

/**
 * Changes how a saved SSH host is reached, recorded as `host-edited`. A pin belongs to an address: when the
 * target's or a jump host's address or port changes, its pin is dropped, and the next connection (or a Test
 * connection) asks again. Hops after the first keep their pins the same way, hop by hop.
 */
export async function editHostConnection(host: Host, connection: HostConnectionData, by: AuditActor): Promise<Host> {
  const sameTarget = connection.sshHost === host.sshHost && connection.sshPort === (host.sshPort ?? 22);
  const sameJump = connection.jumpHost === host.jumpHost && connection.jumpPort === host.jumpPort;
  const before = listJumpHops(host);
  const further = listJumpHops({ ...host, ...connection }).slice(1);
  const pinnedFurther = further.map((hop, index) => {
    const old = before[index + 1];
    return old && old.host === hop.host && old.port === hop.port ? { ...hop, keySha256: old.keySha256 } : hop;
  });
  const row = await updateHostConnection(host.id, {
    ...connection,
    jumpChain: encodeJumpChain(pinnedFurther),
    hostKeySha256: sameTarget ? host.hostKeySha256 : null,
    jumpKeySha256: sameJump ? host.jumpKeySha256 : null,
  });
  const changed: string[] = AUDITED.filter((key) => connection[key] !== host[key]);
  if (!sameSecret(connection.secretCipher, host.secretCipher)) changed.push("credential");
  const hops = (list: typeof before) => JSON.stringify(list.map(({ user, host, port }) => [user, host, port]));
  if (hops(before) !== hops(listJumpHops(row))) changed.push("jump");
  if (changed.length) {
    await recordAudit({ ...by, action: "host-edited", object: { type: "host", id: host.name }, detail: { changed } });
  }
  return row;
}
