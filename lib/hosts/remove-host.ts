import "server-only";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { HostRow } from "@/lib/db/queries/hosts";
import { deleteHost } from "@/lib/db/queries/host-updates";

/** Deletes a host with its snapshots and records `host-removed`; the CLI and any route call this, never deleteHost. */
export async function removeHost(host: HostRow, by: AuditActor): Promise<void> {
  await deleteHost(host.id);
  await recordAudit({
    ...by,
    action: "host-removed",
    object: { type: "host", id: host.name },
    detail: { transport: host.transport },
  });
}
