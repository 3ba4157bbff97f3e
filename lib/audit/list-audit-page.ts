import "server-only";
import { z } from "zod";
import { decodeAuditDetail } from "@/lib/db/audit-columns";
import { listAuditEvents, type AuditRow } from "@/lib/db/queries/audit";

const pageSchema = z.object({
  before: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function toAuditView(event: AuditRow) {
  return {
    id: event.id,
    at: event.at.toISOString(),
    actor: event.actor,
    address: event.address,
    action: event.action,
    object: event.objectType ? { type: event.objectType, id: event.objectId } : null,
    detail: decodeAuditDetail(event.detail),
  };
}

/** One page of the audit log, newest first, and the cursor of the next (null on the last page). */
export async function listAuditPage(input: { before?: string; limit?: string }) {
  const { before, limit } = pageSchema.parse(input);
  const rows = await listAuditEvents({ before, limit: limit + 1 });
  const events = rows.slice(0, limit).map(toAuditView);
  return { events, next: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
}
