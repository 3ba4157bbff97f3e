import type { z } from "zod";
import { collectorEventSchema, type CollectorEvent, type RecordsEvent } from "@/lib/snapshot/collector-events";
import { RECORD_FIELDS, recordItemOf, type RecordField, type RecordItem } from "@/lib/snapshot/inventory-records";

const SNIPPET = 120;
/** Items one records line may carry: the collector sends 1,000. */
const RECORDS_PER_LINE_MAX = 100_000;

function describeIssues(issues: z.ZodError["issues"]): string {
  const shown = issues.slice(0, 5).map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
  return shown.join("; ") + (issues.length > 5 ? `; and ${issues.length - 5} more` : "");
}

/** The lean path for the bulk of the output: the envelope by hand, each item by inventory-records.ts. */
function recordsEvent(value: Record<string, unknown>): RecordsEvent | string {
  const { root, field, items } = value;
  if (!Number.isSafeInteger(root) || (root as number) < 0) return "root: expected a root index";
  if (!RECORD_FIELDS.includes(field as RecordField)) return "field: invalid option";
  if (!Array.isArray(items) || items.length > RECORDS_PER_LINE_MAX) return "items: expected an array";
  const checked: RecordItem[] = [];
  for (const [index, raw] of items.entries()) {
    const item = recordItemOf(field as RecordField, raw);
    if (typeof item === "string") return `items.${index}.${item}`;
    checked.push(item);
  }
  return { type: "records", root: root as number, field: field as RecordField, items: checked };
}

/** One stdout line of the collector, checked against the contract; a problem names the line and the zod issue paths. */
export function parseEvent(line: Buffer, lineNumber: number): { event: CollectorEvent } | { problem: string } {
  const text = line.toString("utf8");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      problem: `line ${lineNumber} of the collector's output is not JSON: ${JSON.stringify(text.slice(0, SNIPPET))}`,
    };
  }
  if (typeof value === "object" && value !== null && "type" in value && value.type === "records") {
    const records = recordsEvent(value as Record<string, unknown>);
    if (typeof records === "string")
      return { problem: `line ${lineNumber} (records event) does not match the contract: ${records}` };
    return { event: records };
  }
  const parsed = collectorEventSchema.safeParse(value);
  if (!parsed.success) {
    const type = typeof value === "object" && value !== null && "type" in value ? String(value.type) : "unknown";
    return {
      problem: `line ${lineNumber} (${type} event) does not match the contract: ${describeIssues(parsed.error.issues)}`,
    };
  }
  return { event: parsed.data };
}
