import "server-only";
import { prisma } from "@/lib/db/client";
import type { AuditEvent } from "@/lib/db/generated/client";

export type AuditRow = AuditEvent;

// Append-only on purpose: nothing in the app updates or deletes an AuditEvent.
export async function createAuditRow(data: Omit<AuditEvent, "id" | "at">): Promise<void> {
  await prisma.auditEvent.create({ data });
}

/** Newest first; `before` is the cursor (an event id) from the previous page. */
export async function listAuditEvents(options: { limit: number; before?: string }): Promise<AuditEvent[]> {
  return prisma.auditEvent.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit,
    ...(options.before ? { cursor: { id: options.before }, skip: 1 } : {}),
  });
}
