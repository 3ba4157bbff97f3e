import "server-only";
import type { Host } from "@/lib/db/generated/client";
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
export async function applyHostForm(host: Host, raw: unknown): Promise<Host> {
  const body = withStoredSecrets(raw, host);
  const input = hostInputSchema.parse({
    ...(typeof body === "object" && body !== null ? body : {}),
    name: host.name,
    transport: host.transport,
  });
  const { appRoots, serviceUnit, unitFile, python, entryPoints, measureStartup, maxFiles, timeoutSeconds } = input;
  const patch = { appRoots, serviceUnit, unitFile, python, entryPoints, measureStartup, maxFiles, timeoutSeconds };
  const edited = await editHost(host, patch);
  const { connection } = hostRowData(input);
  return connection ? editHostConnection(edited, connection) : edited;
}
