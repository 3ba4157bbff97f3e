import { expect, test } from "vitest";
import { csvCell, csvRows } from "@/lib/analysis/export/csv";
import { codeBlock, mdText } from "@/lib/analysis/export/markdown-text";
import { safeDocument } from "@/lib/cli/safe-text";

// Control and bidi characters from a target are shown, never acted on, in every export format; the
// exports' own line ends are never touched.

const cases: [string, string, string, string][] = [
  // name, raw, CSV cell, Markdown text
  ["ESC", "a\x1b[31mb.py", "a\\x1b[31mb.py", "a\\x1b\\[31mb.py"],
  ["right-to-left override", "evil\u202Etxt.py", "evil\\u202etxt.py", "evil\\u202etxt.py"],
  [
    "bidi isolates and marks",
    "\u2066a\u2069\u200e\u200f",
    "\\u2066a\\u2069\\u200e\\u200f",
    "\\u2066a\\u2069\\u200e\\u200f",
  ],
  ["C1 control", "x\u0085y\u009b", "x\\x85y\\x9b", "x\\x85y\\x9b"],
  ["DEL and BEL", "x\x7fy\x07", "x\\x7fy\\x07", "x\\x7fy\\x07"],
  ["a carriage return inside a field", "a\rb", "a\\x0db", "a b"],
  ["a formula stays defused", "=1+1", "'=1+1", "=1+1"],
];

for (const [name, raw, csv, md] of cases) {
  test(`${name}: escaped in CSV and Markdown`, () => {
    expect(csvCell(raw)).toBe(csv);
    expect(mdText(raw)).toBe(md);
  });
}

test("CSV rows keep their CRLF separators, and the CLI prints them unchanged", () => {
  const text = csvRows([
    ["path", "status"],
    ["\x1b.py", "fresh"],
  ]);
  expect(text).toBe("path,status\r\n\\x1b.py,fresh\r\n");
  expect(safeDocument(text)).toBe(text);
  expect(safeDocument("a\rb\x1b\r\n")).toBe("a\\x0db\\x1b\r\n");
});

test("a code block escapes control characters but keeps its lines", () => {
  expect(codeBlock("echo \x1b[2J\nls")).toBe("```\necho \\x1b[2J\nls\n```");
});
