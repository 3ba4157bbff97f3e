import { displayPath } from "@/lib/snapshot/display-path";
import { escapeControls } from "./escape-controls";

/**
 * Host-supplied text as inert Markdown: the characters that can change structure inside a line are
 * backslash-escaped (pipes cannot end a cell, backticks cannot open code, < cannot open HTML, _ and *
 * cannot turn __pycache__ bold, [ cannot start a link), line breaks become spaces so a value stays
 * on its row, and control and bidi characters are shown as \xNN / \uNNNN.
 */
export function mdText(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "–";
  const text = displayPath(String(value))
    .replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, " ");
  return escapeControls(text);
}

/** mdText for a paragraph: also defuses a leading heading, list, quote or rule marker. */
export function mdLine(value: string): string {
  return mdText(value)
    .replace(/^([#+=-])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A fenced block whose fence is longer than any backtick run inside, so the content cannot close it. */
export function codeBlock(code: string, lang = ""): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${escapeControls(displayPath(code))}\n${fence}`;
}

/** A GFM table; cells are escaped here, so callers pass raw values. */
type Cell = string | number | boolean | null | undefined;

export function mdTable(
  header: readonly string[],
  rows: readonly (readonly Cell[])[],
  align: readonly ("l" | "r")[] = [],
): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const rule = header.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  return [line(header.map(mdText)), line(rule), ...rows.map((row) => line(row.map(mdText)))].join("\n");
}
