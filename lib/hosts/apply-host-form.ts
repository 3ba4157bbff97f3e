import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit";
import type { HostRow } from "@/lib/db/queries/hosts";
import { editHost } from "./edit-host";
import { editHostConnection } from "./edit-host-connection";
import { hostInputSchema } from "./host-input";
import { hostRowData } from "./host-row-data";
import { savedFormFields } from "./saved-form-fields";

/**
 * Saves the edit form of a host: the same fields and rules as adding it (hostInputSchema), with its name and
 * transport fixed; blank secrets and unsent chain hops are kept (savedFormFields). Settings go through
 * editHost (the path `hosts edit` takes), then an SSH host's connection through editHostConnection.
 */
export async function applyHostForm(host: HostRow, raw: unknown, by: AuditActor): Promise<HostRow> {
  const fields = savedFormFields(raw, host);
  const input = hostInputSchema.parse({ ...fields, name: host.name, transport: host.transport });
  const { appRoots, serviceUnit, unitFile, python, serviceUser, container, engine, entryPoints } = input;
  const { measureStartup, maxFiles, timeoutSeconds } = input;
  const patch = {
    ...{ appRoots, serviceUnit, unitFile, python, serviceUser, container, engine, entryPoints },
    ...{ measureStartup, maxFiles, timeoutSeconds },
  };
  const edited = await editHost(host, patch, by);
  const { connection } = hostRowData(input);
  return connection ? editHostConnection(edited, connection, by) : edited;
}
