import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

// CSV from the CLI is the exporters' bytes (CRLF line ends, the same as the dashboard's download), a reader
// that stops early ends the command quietly, and links point at the dashboard that serves this database.
const BIN = path.resolve(import.meta.dirname, "../../bin/deploylens");
const temp = tempDir("deploylens-cli-csv-");
const databaseFile = path.join(temp.dir, "csv.db");
const ORIGIN = "http://127.0.0.1:3000";
const RECORDED = "http://127.0.0.1:4123";
let cookie = "";
const cli = (args: string[], env?: Record<string, string>) => runCli(args, { databaseFile, env });

/** Enough sources for the CSV to outgrow a pipe's 64 KiB buffer; the left side compiled, the right not. */
function app(name: string, compiled: boolean): string {
  const dir = path.join(temp.dir, name);
  fs.mkdirSync(dir);
  for (let i = 0; i < 1200; i++)
    fs.writeFileSync(path.join(dir, `module_with_a_rather_long_name_${i}.py`), `X = ${i}\n`);
  if (compiled) execFileSync("python3", ["-m", "compileall", "-q", dir]);
  return dir;
}

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  for (const [name, compiled] of [
    ["left", true],
    ["right", false],
  ] as const) {
    const host = await createHost({ transport: "local", name, appRoots: [app(name, compiled)], measureStartup: false });
    const result = await collectHost(host);
    expect(result.ok, result.message ?? "").toBe(true);
  }
  const { createUser } = await import("@/lib/auth/users");
  const { createSession } = await import("@/lib/auth/sessions");
  const { findUserByName } = await import("@/lib/db/queries/users");
  await createUser(
    { name: "viewer", role: "viewer", password: "correct horse battery" },
    { actor: null, address: null },
  );
  const { token } = await createSession((await findUserByName("viewer"))!, null);
  cookie = `deploylens_session=${token}`;
}, 300_000);
afterAll(() => temp.remove());

const SLOW = 300_000;

test(
  "compare --csv is byte for byte the dashboard's CSV download, every line ending in CRLF",
  { timeout: SLOW },
  async () => {
    const { GET } = await import("@/app/api/compare/export/route");
    const response = await GET(
      new Request(`${ORIGIN}/api/compare/export?left=left&right=right&format=csv`, {
        headers: { host: "127.0.0.1:3000", cookie },
      }),
    );
    expect(response.status).toBe(200);
    const download = await response.text();
    const printed = await cli(["compare", "left", "right", "--csv"]);
    expect([printed.code, printed.stderr]).toEqual([0, ""]);
    expect(printed.stdout).toBe(download);
    const lines = printed.stdout.split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.length).toBeGreaterThan(1200);
    expect(printed.stdout).not.toMatch(/\\x0d|\r(?!\n)|[^\r]\n/);
  },
);

test("export --csv is byte for byte the exporter's CSV of that snapshot", { timeout: SLOW }, async () => {
  const { resolveSnapshot } = await import("@/lib/compare/resolve-snapshot");
  const { diagnose } = await import("@/lib/analysis/diagnostics");
  const { exportSnapshot } = await import("@/lib/analysis/export/export-snapshot");
  const { input } = await resolveSnapshot("left");
  const printed = await cli(["export", "left", "--csv"]);
  expect([printed.code, printed.stderr]).toEqual([0, ""]);
  expect(printed.stdout).toBe(exportSnapshot(input, diagnose(input), "csv"));
  expect(printed.stdout).not.toMatch(/\\x0d|\r(?!\n)|[^\r]\n/);
});

test("a reader that stops after one line ends the command quietly, with exit 0", { timeout: SLOW }, () => {
  for (const args of [
    ["export", "left", "--csv"],
    ["compare", "left", "right", "--csv"],
  ]) {
    const piped = spawnSync(
      "bash",
      ["-c", `"$0" "$@" | head -1; echo "exit \${PIPESTATUS[0]}"`, process.execPath, BIN, ...args],
      { env: { ...process.env, DATABASE_URL: `file:${databaseFile}` }, encoding: "utf8" },
    );
    expect(piped.stderr, args.join(" ")).toBe("");
    expect(piped.stdout, args.join(" ")).toMatch(/^[^\n]*\r\nexit 0\n$/);
  }
});

test("links name the dashboard the server recorded at start; DEPLOYLENS_URL overrides", { timeout: SLOW }, async () => {
  // What `next start -p 4123 -H 127.0.0.1` sets before the server's start-up hook runs.
  Object.assign(process.env, { NEXT_RUNTIME: "nodejs", DEPLOYLENS_SCHEDULER: "off", __NEXT_PRIVATE_ORIGIN: RECORDED });
  const { register } = await import("@/instrumentation");
  await register();

  const compared = await cli(["compare", "left", "right", "--json"]);
  expect((JSON.parse(compared.stdout) as { url: string }).url).toMatch(
    /^http:\/\/127\.0\.0\.1:4123\/compare\/\w+\/\w+/,
  );
  const markdown = await cli(["compare", "left", "right"]);
  expect(markdown.stdout).toMatch(/\nPermanent link: http:\/\/127\.0\.0\.1:4123\/compare\/\w+\/\w+\S*\n$/);
  const collected = await cli(["collect", "right"]);
  expect(collected.stdout).toMatch(/\nOpen in the dashboard: http:\/\/127\.0\.0\.1:4123\/snapshots\/\w+\n$/);
  const shared = await cli(["share", "create", "left", "right", "--json"]);
  expect([shared.code, shared.stderr]).toEqual([0, ""]);
  expect((JSON.parse(shared.stdout) as { url: string }).url).toMatch(/^http:\/\/127\.0\.0\.1:4123\/share\/[\w-]+$/);
  const sharedText = await cli(["share", "create", "left", "right"]);
  expect(sharedText.stdout).toMatch(/^http:\/\/127\.0\.0\.1:4123\/share\/[\w-]+\nExpires /);

  const env = { DEPLOYLENS_URL: "https://lens.example.org/" };
  const overridden = await cli(["compare", "left", "right", "--json"], env);
  expect((JSON.parse(overridden.stdout) as { url: string }).url).toMatch(/^https:\/\/lens\.example\.org\/compare\//);
  const sharedThere = await cli(["share", "create", "left", "right", "--json"], env);
  expect((JSON.parse(sharedThere.stdout) as { url: string }).url).toMatch(/^https:\/\/lens\.example\.org\/share\//);
});
