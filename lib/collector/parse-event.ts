import type { z } from "zod";
import { collectorEventSchema, type CollectorEvent } from "@/lib/snapshot/collector-events";

const SNIPPET = 120;

function describeIssues(issues: z.ZodError["issues"]): string {
  const shown = issues.slice(0, 5).map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
  return shown.join("; ") + (issues.length > 5 ? `; and ${issues.length - 5} more` : "");
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
  const parsed = collectorEventSchema.safeParse(value);
  if (!parsed.success) {
    const type = typeof value === "object" && value !== null && "type" in value ? String(value.type) : "unknown";
    return {
      problem: `line ${lineNumber} (${type} event) does not match the contract: ${describeIssues(parsed.error.issues)}`,
    };
  }
  return { event: parsed.data };
}
