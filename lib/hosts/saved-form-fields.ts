import "server-only";
import type { HostRow } from "@/lib/db/queries/hosts";
import { listJumpHops } from "@/lib/db/host-columns";
import { withStoredSecrets } from "./with-stored-secrets";

/**
 * The host form's fields for a saved host, as saving and Test connection both read them: blank secrets mean
 * "keep" (withStoredSecrets), and since the form edits the first jump host only, a chain from ssh_config keeps
 * its further hops unless the request sends some.
 */
export function savedFormFields(raw: unknown, host: HostRow): Record<string, unknown> {
  const body = withStoredSecrets(raw, host);
  const fields: Record<string, unknown> = typeof body === "object" && body !== null ? { ...body } : {};
  if (!("jumpChain" in fields) && fields.jump) fields.jumpChain = storedFurtherHops(host);
  return fields;
}

function storedFurtherHops(host: HostRow) {
  return listJumpHops(host)
    .slice(1)
    .map(({ user, host: address, port, identityFile }) => ({
      user,
      host: address,
      port,
      auth: identityFile ? { method: "key-file", identityFile } : { method: "agent" },
    }));
}
