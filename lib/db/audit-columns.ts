import { z } from "zod";

const detailSchema = z.record(z.string(), z.unknown());

/** AuditEvent.detail back to data: the JSON object recordAudit wrote (lib/audit/record-audit.ts), or null. */
export function decodeAuditDetail(column: string | null): Record<string, unknown> | null {
  return column ? detailSchema.parse(JSON.parse(column)) : null;
}
