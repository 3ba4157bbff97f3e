import { execFileSync } from "node:child_process";
import { expect, test } from "vitest";
import { compare } from "@/lib/compare/compare";
import { exportComparison } from "@/lib/compare/export-comparison";
import { InventoryBuilder } from "@/tests/support/inventory-builder";

/** File names a hostile or careless host could carry. */
const NASTY = [
  "a,b.py",
  'say "hi".py',
  "new\nline.py",
  "=HYPERLINK(1).py",
  "+cmd.py",
  "-x.py",
  "@sum.py",
  "pipe|tick`.py",
  "<b>bold</b>.py",
  "__init__.py",
];

function pair() {
  const left = new InventoryBuilder({ user: "me", unit: "a|b`c.service" }).root("/home/me/app", { owner: "me" });
  const right = new InventoryBuilder({ user: "www-data", unit: "app.service" }).root("/opt/app", { owner: "root" });
  for (const name of NASTY) {
    left.source(`pkg/${name}`);
    right.source(`pkg/${name}`, "missing");
  }
  return compare(left.snapshot("L", "laptop|1"), right.snapshot("R", "vps`2"));
}

/** Python's csv module is the reference reader (RFC 4180 quoting, embedded newlines). */
function parseCsv(text: string): string[][] {
  const code =
    "import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline='')))))";
  return JSON.parse(execFileSync("python3", ["-c", code], { input: text, encoding: "utf8" })) as string[][];
}

test("CSV round-trips commas, quotes and newlines and defuses formulas", () => {
  const rows = parseCsv(exportComparison(pair(), "csv"));
  // The header is the file's contract with spreadsheets and scripts: spelled out here, not read from the code.
  const header =
    "root|root kind|path|left root|right root|left status|left reason|left pyc|right status|right reason|right pyc";
  expect(rows[0]).toEqual(header.split("|"));
  const paths = rows.slice(1).map((r) => r[2]);
  const expected = NASTY.map((n) => `pkg/${n}`);
  expect(paths).toEqual(expected);
  expect(rows.slice(1).map((r) => [r[5], r[8]])).toEqual(NASTY.map(() => ["fresh", "missing"]));
});

test("CSV cells that would start a formula get a leading quote", () => {
  const c = pair();
  const row = c.files.rows[0]!;
  const formulas = ["=1+1", "+1", "-1", "@A1", "\tx"];
  const rows = formulas.map((path) => ({ ...row, path }));
  const parsed = parseCsv(exportComparison({ ...c, files: { ...c.files, rows } }, "csv"));
  expect(parsed.slice(1).map((r) => r[2])).toEqual(formulas.map((f) => `'${f}`));
});

/** The lines of a Markdown text that are not inside ``` fences (their content is code, not markup). */
function outsideFences(md: string): string {
  let inFence = false;
  return md
    .split("\n")
    .filter((line) => {
      if (/^\s*`{3,}/.test(line)) inFence = !inFence;
      else return !inFence;
      return false;
    })
    .join("\n");
}

/** Counts the cell separators of a GFM table row: pipes not escaped by a backslash. */
const separators = (line: string) => line.replace(/\\./g, "").split("|").length - 1;

test("Markdown tables keep their shape whatever the host strings hold", () => {
  const md = exportComparison(pair(), "markdown");
  // Every row of a table has as many cell separators as its header row.
  const blocks = md
    .split(/\n(?!\|)/)
    .map((block) => block.split("\n").filter((line) => line.startsWith("|")))
    .filter((b) => b.length > 0);
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  for (const rows of blocks) for (const row of rows) expect(separators(row), row).toBe(separators(rows[0]!));
  const files = md.slice(md.indexOf("## Files"));
  for (const line of files.split("\n").filter((l) => l.startsWith("| app"))) expect(separators(line)).toBe(5);
  expect(md).toContain("pkg/pipe\\|tick\\`.py");
  expect(md).toContain("\\<b\\>bold\\</b\\>");
  expect(md).toContain("pkg/\\_\\_init\\_\\_.py");
  expect(outsideFences(md)).not.toMatch(/(^|[^\\])`/m);
});

test("Markdown carries the headline, the findings with their fixes, and file differences", () => {
  const md = exportComparison(pair(), "markdown");
  expect(md).toContain("| Coverage % (all sources) | 100 | 0 | -100 |");
  expect(md).toContain("### Only on the right");
  expect(md).toMatch(/#### WARNING pycache-not-writable/);
  expect(md).toContain("Environment=PYTHONPYCACHEPREFIX=%C/app/pyc");
  expect(md).toContain("## Service configuration");
  expect(md).toContain("## Packages\n\nNo differences.");
});

test("a code block holding backticks gets a longer fence", () => {
  const c = pair();
  const finding = { ...c.findings.onlyRight[0]!, fix: [{ text: "run", code: "echo ```x```" }] };
  const md = exportComparison({ ...c, findings: { ...c.findings, onlyRight: [finding] } }, "markdown");
  expect(md).toContain("   ````\n   echo ```x```\n   ````");
});

test("JSON export is the comparison itself", () => {
  const c = pair();
  expect(JSON.parse(exportComparison(c, "json"))).toEqual(JSON.parse(JSON.stringify(c)));
});
