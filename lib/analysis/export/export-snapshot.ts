import type { Finding, SnapshotInput } from "../types";
import { snapshotCsv, snapshotJson, snapshotMarkdown } from "./snapshot-export";

export type ExportFormat = "json" | "markdown" | "csv";

/** One snapshot: JSON (coverage + findings), Markdown (coverage table + findings with fixes) or CSV (every source). */
export function exportSnapshot(s: SnapshotInput, findings: readonly Finding[], format: ExportFormat): string {
  if (format === "json") return snapshotJson(s, findings);
  if (format === "markdown") return snapshotMarkdown(s, findings);
  return snapshotCsv(s);
}
