import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { runCli, runCliInTerminal } from "../support/run-cli";
import { collectLeftAndRight } from "../support/left-and-right-hosts";
import { tempDir } from "../support/temp-dir";

const BIN = path.resolve(import.meta.dirname, "../../bin/deploylens");
const temp = tempDir("deploylens-cli-output-");
const databaseFile = path.join(temp.dir, "out.db");
/** A file name a hostile target could choose: a colour escape and a right-to-left override. */
const HOSTILE = "\x1b[31mred\u202Etxt.py";

beforeAll(() => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
});
afterAll(() => temp.remove());

test("more than 1 MB of output reaches a slow reader through a real pipe, whole", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const root = (i: number, j: number) => `/srv/${String(i)}/${String(j)}/${"d".repeat(3900)}`;
  for (let i = 0; i < 3; i++) {
    const appRoots = Array.from({ length: 100 }, (_, j) => root(i, j));
    await createHost({ transport: "local", name: `big-${i}`, appRoots, measureStartup: false });
  }
  const out = path.join(temp.dir, "hosts.json");
  // The reader starts only after a second, long after the 64 KiB pipe buffer filled up.
  const piped = spawnSync(
    "sh",
    ["-c", `"$0" "$1" hosts list --json | (sleep 1; cat > "$2")`, process.execPath, BIN, out],
    {
      env: { ...process.env, DATABASE_URL: `file:${databaseFile}` },
      encoding: "utf8",
    },
  );
  expect(piped.status, piped.stderr).toBe(0);
  const text = fs.readFileSync(out, "utf8");
  expect(text.length).toBeGreaterThan(1_000_000);
  const hosts = JSON.parse(text) as { name: string; appRoots: string[] }[];
  expect(hosts.map((h) => [h.name, h.appRoots.length])).toEqual([
    ["big-0", 100],
    ["big-1", 100],
    ["big-2", 100],
  ]);
}, 300_000);

test("file names from a target cannot drive the terminal: control and bidi characters are escaped", async () => {
  await collectLeftAndRight(temp.dir, [HOSTILE]);
  const { compareRefs } = await import("@/lib/compare/compare-refs");
  const { exportComparison } = await import("@/lib/compare/export-comparison");
  const { findDashboardUrl } = await import("@/lib/db/queries/public-url");
  for (const format of ["markdown", "csv"] as const) {
    const flags = format === "csv" ? ["--csv"] : [];
    // On a terminal, the CLI's escaper shows the name without letting it act.
    const shown = await runCliInTerminal(["compare", "left", "right", ...flags], { databaseFile });
    expect(shown.code, shown.output).toBe(0);
    // Markdown also escapes the "[" (it could start a link); the name stays readable either way.
    expect(shown.output).toMatch(/\\x1b\\?\[31mred\\u202etxt\.py/);
    expect(shown.output).not.toMatch(/[\x1b\u202e]/);
    // To a pipe, the document is the exporter's, byte for byte: the exporter escapes what it carries.
    const piped = await runCli(["compare", "left", "right", ...flags], { databaseFile });
    expect(piped.code, piped.stderr).toBe(0);
    const { comparison } = await compareRefs("left", "right", await findDashboardUrl(), { allRows: format === "csv" });
    const exported = exportComparison(comparison, format);
    if (format === "csv") expect(piped.stdout).toBe(exported);
    else expect(piped.stdout.startsWith(exported)).toBe(true);
  }
  const json = await runCli(["compare", "left", "right", "--json"], { databaseFile });
  expect(json.stdout).not.toMatch(/[\x1b\u202e]/);
  expect(JSON.stringify(JSON.parse(json.stdout))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
}, 400_000);
