import { displayPath } from "@/lib/snapshot/display-path";
import { escapeControls } from "./escape-controls";

/**
 * One CSV field (RFC 4180). Control and bidi characters inside it are shown as \xNN / \uNNNN (the row
 * separator is added by csvRows, never escaped). A value starting with = + - @ (or a tab/CR) is prefixed
 * with ' so a spreadsheet shows it as text instead of evaluating a formula planted in a file name.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = escapeControls(displayPath(String(value)));
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, as RFC 4180 and spreadsheet importers expect. */
export function csvRows(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
