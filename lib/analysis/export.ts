import type { Comparison } from "./compare/types";
import type { Finding, SnapshotInput } from "./types";
import { comparisonCsv } from "./export/comparison-csv";
import { comparisonMarkdown } from "./export/comparison-markdown";
import { escapeControlsInJson } from "./export/escape-controls";
import { snapshotCsv, snapshotJson, snapshotMarkdown } from "./export/snapshot-export";

export type ExportFormat = "json" | "markdown" | "csv";

/**
 * A comparison as a file: JSON (the comparison itself), Markdown (paste-ready for a ticket or chat)
 * or CSV (the file-level differences). Host-supplied strings are escaped as data in every format, control
 * and bidi characters included (export/escape-controls.ts).
 */
export function exportComparison(c: Comparison, format: ExportFormat): string {
  if (format === "json") return escapeControlsInJson(JSON.stringify(c, null, 2));
  if (format === "markdown") return comparisonMarkdown(c);
  return comparisonCsv(c);
}

/** One snapshot: JSON (coverage + findings), Markdown (coverage table + findings with fixes) or CSV (every source). */
export function exportSnapshot(s: SnapshotInput, findings: readonly Finding[], format: ExportFormat): string {
  if (format === "json") return snapshotJson(s, findings);
  if (format === "markdown") return snapshotMarkdown(s, findings);
  return snapshotCsv(s);
}
