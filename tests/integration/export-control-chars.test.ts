import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { RunningApp } from "../support/app";
import { ownDatabase } from "../support/app-on-own-database";
import { runCli } from "../support/run-cli";
import { startSignedInApp } from "../support/session";
import { collectLeftAndRight } from "../support/left-and-right-hosts";
import { tempDir } from "../support/temp-dir";

// Real files whose names carry ESC, a C1 control and U+202E (right-to-left override), collected for real and
// exported as Markdown and CSV through the API (next start) and the CLI: no raw control or bidi character in
// either, CSV rows end in CRLF (never a literal "\x0d"), formula escaping holds, and the CLI's CSV is the API's,
// byte for byte.

const temp = tempDir("deploylens-export-controls-");
const databaseFile = path.join(temp.dir, "export.db");
const HOSTILE = "\x1b[31mred\u202Etxt\u0085.py";
const FORMULA = "=HYPERLINK(1).py";
const RAW_CONTROLS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
let app: RunningApp | undefined;
let headers: Record<string, string>;

beforeAll(async () => {
  ownDatabase(databaseFile);
  await collectLeftAndRight(temp.dir, [HOSTILE, FORMULA]);
  ({ app, headers } = await startSignedInApp({ databaseFile }));
}, 900_000);

afterAll(async () => {
  await app?.stop();
  temp.remove();
});

async function apiExport(format: "csv" | "markdown"): Promise<string> {
  const response = await fetch(`${app!.url}/api/compare/export?left=left&right=right&format=${format}`, { headers });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer()).toString("utf8");
}

test("CSV from the API and the CLI: escaped names, CRLF rows, formulas defused, the same bytes", async () => {
  const api = await apiExport("csv");
  const cli = await runCli(["compare", "left", "right", "--csv"], { databaseFile });
  expect(cli.code, cli.stderr).toBe(0);
  expect(cli.stdout).toBe(api);
  expect(api).not.toMatch(RAW_CONTROLS);
  expect(api).toContain("\\x1b[31mred\\u202etxt\\x85.py");
  expect(api).toContain(`'${FORMULA}`);
  expect(api).not.toContain("\\x0d");
  const rows = api.split("\r\n");
  expect(rows.at(-1)).toBe("");
  expect(rows.slice(0, -1).every((row) => !row.includes("\n") && !row.includes("\r"))).toBe(true);
});

test("Markdown from the API and the CLI: escaped names, no raw control or bidi character", async () => {
  const api = await apiExport("markdown");
  const cli = await runCli(["compare", "left", "right"], { databaseFile });
  expect(cli.code, cli.stderr).toBe(0);
  for (const text of [api, cli.stdout]) {
    expect(text).not.toMatch(RAW_CONTROLS);
    expect(text).toContain("\\x1b\\[31mred\\u202etxt\\x85.py");
  }
  expect(cli.stdout.startsWith(api.trimEnd())).toBe(true);
});

test("the CLI's snapshot CSV keeps CRLF rows and escapes the names", async () => {
  const cli = await runCli(["export", "left", "--csv"], { databaseFile });
  expect(cli.code, cli.stderr).toBe(0);
  expect(cli.stdout).not.toMatch(RAW_CONTROLS);
  expect(cli.stdout).not.toContain("\\x0d");
  expect(cli.stdout.endsWith("\r\n")).toBe(true);
  expect(cli.stdout).toContain("\\x1b[31mred\\u202etxt\\x85.py");
});
