import "server-only";
import { NO_ACTOR, recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { HostRow } from "@/lib/db/queries/hosts";
import { findHostIdByName, insertHost } from "@/lib/db/queries/hosts";
import { ConflictError } from "@/lib/errors";
import { hostInputSchema } from "./host-input";
import { hostRowData } from "./host-row-data";
import { resolveSshText } from "./resolve-ssh-text";

/**
 * Validates and saves a host; credentials are encrypted before they reach the database. An `ssh` given as
 * text (USER@HOST[:PORT] or an ssh_config alias) is resolved first, once, like `hosts add --ssh`. Records
 * `host-created` for `by`, so every way of adding a host (the API, `hosts add`, `hosts import-ssh-config`) is audited.
 */
export async function createHost(raw: unknown, by: AuditActor = NO_ACTOR): Promise<HostRow> {
  const input = hostInputSchema.parse(resolveSshText(raw));
  if (await findHostIdByName(input.name)) {
    throw new ConflictError(`a host named ${JSON.stringify(input.name)} already exists`);
  }
  const { connection, ...common } = hostRowData(input);
  const host =
    input.transport === "local" || !connection
      ? await insertHost(common)
      : await insertHost({ ...common, ...connection, acceptNextHostKey: input.acceptHostKey });
  await recordAudit({ ...by, action: "host-created", object: { type: "host", id: host.name } });
  return host;
}
