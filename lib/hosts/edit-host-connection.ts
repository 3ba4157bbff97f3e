import "server-only";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { HostRow } from "@/lib/db/queries/hosts";
import { listJumpHops } from "@/lib/db/host-columns";
import { updateHostConnection } from "@/lib/db/queries/host-connection";
import { openCredential } from "@/lib/secrets/credential";
import type { HostConnectionData } from "./host-row-data";
import { keptPins } from "./kept-pins";

// Compared to name what changed in the audit log; the secret is named, never its value.
const AUDITED = ["sshUser", "sshHost", "sshPort", "authMethod", "identityFile"] as const;

// Every sealing uses a fresh nonce, so two ciphertexts of one secret differ: compare what they hold.
function sameSecret(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return JSON.stringify(openCredential(a)) === JSON.stringify(openCredential(b));
}

/**
 * Changes how a saved SSH host is reached, recorded as `host-edited`. Pins follow addresses (keptPins): a
 * changed address or port is asked again at the next connection (or a Test connection).
 */
export async function editHostConnection(
  host: HostRow,
  connection: HostConnectionData,
  by: AuditActor,
): Promise<HostRow> {
  const before = listJumpHops(host);
  const row = await updateHostConnection(host.id, { ...connection, ...keptPins(host, connection) });
  const changed: string[] = AUDITED.filter((key) => connection[key] !== host[key]);
  if (!sameSecret(connection.secretCipher, host.secretCipher)) changed.push("credential");
  const hops = (list: typeof before) => JSON.stringify(list.map(({ user, host, port }) => [user, host, port]));
  if (hops(before) !== hops(listJumpHops(row))) changed.push("jump");
  if (changed.length) {
    await recordAudit({ ...by, action: "host-edited", object: { type: "host", id: host.name }, detail: { changed } });
  }
  return row;
}
