import { escapeControlsInJson } from "@/lib/analysis/export/escape-controls";
import type { ExportFormat } from "@/lib/analysis/export/export-snapshot";
import { comparisonCsv } from "./comparison-csv";
import { comparisonMarkdown } from "./comparison-markdown";
import type { Comparison } from "./types";

/**
 * A comparison as a file: JSON (the comparison itself), Markdown (paste-ready for a ticket or chat)
 * or CSV (the file-level differences). Host-supplied strings are escaped as data in every format, control
 * and bidi characters included (lib/analysis/export/escape-controls.ts).
 */
export function exportComparison(c: Comparison, format: ExportFormat): string {
  if (format === "json") return escapeControlsInJson(JSON.stringify(c, null, 2));
  if (format === "markdown") return comparisonMarkdown(c);
  return comparisonCsv(c);
}
