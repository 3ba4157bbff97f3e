import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { Host } from "@/lib/db/generated/client";
import { listJumpHops } from "@/lib/db/jump-chain";
import { editHost } from "./edit-host";
import { editHostConnection } from "./edit-host-connection";
import { hostInputSchema } from "./host-input";
import { hostRowData } from "./host-row-data";
import { withStoredSecrets } from "./with-stored-secrets";

/**
 * Saves the edit form of a host: the same fields and rules as adding it (hostInputSchema), with its name and
 * transport fixed and blank secrets meaning "keep". Settings go through editHost (the path `hosts edit` takes),
 * then an SSH host's connection through editHostConnection.
 */
export async function applyHostForm(host: Host, raw: unknown, by: AuditActor): Promise<Host> {
  const body = withStoredSecrets(raw, host);
  const fields: Record<string, unknown> = typeof body === "object" && body !== null ? { ...body } : {};
  // The form edits the first jump host only: a chain from ssh_config keeps its further hops unless one is sent.
  if (!("jumpChain" in fields) && fields.jump) fields.jumpChain = storedFurtherHops(host);
  const input = hostInputSchema.parse({ ...fields, name: host.name, transport: host.transport });
  const { appRoots, serviceUnit, unitFile, python, entryPoints, measureStartup, maxFiles, timeoutSeconds } = input;
  const patch = { appRoots, serviceUnit, unitFile, python, entryPoints, measureStartup, maxFiles, timeoutSeconds };
  const edited = await editHost(host, patch, by);
  const { connection } = hostRowData(input);
  return connection ? editHostConnection(edited, connection, by) : edited;
}

function storedFurtherHops(host: Host) {
  return listJumpHops(host)
    .slice(1)
    .map(({ user, host: address, port, identityFile }) => ({
      user,
      host: address,
      port,
      auth: identityFile ? { method: "key-file", identityFile } : { method: "agent" },
    }));
}
