import type { ExportFormat } from "@/lib/analysis/export/export-snapshot";
import { CliError } from "./cli-error";
import type { Command, OptionValues } from "./command";

/** `compare` and `export` print one of the exporters' formats. */
export const EXPORT_FORMAT_OPTIONS: Command["options"] = {
  markdown: { type: "boolean", description: "Print Markdown (paste-ready for a ticket or chat).", default: "on" },
  json: { type: "boolean", description: "Print JSON instead of Markdown.", default: "off" },
  csv: { type: "boolean", description: "Print CSV (RFC 4180, CRLF line ends) instead of Markdown.", default: "off" },
};

export function exportFormat(values: OptionValues): ExportFormat {
  const formats = (["json", "markdown", "csv"] as const).filter((f) => values[f]);
  if (formats.length > 1) throw new CliError("choose one of --json, --markdown, --csv");
  return formats[0] ?? "markdown";
}
