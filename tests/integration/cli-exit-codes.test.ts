import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

// The exit-code table (lib/cli/exit-codes.ts, docs/cli.md): 0 ok, 1 a collection or operation failed, 2 bad
// input, 3 a gate failed; and every error is told once, on stderr.
const temp = tempDir("deploylens-cli-exit-");
const databaseFile = path.join(temp.dir, "exit.db");
const cli = (...args: string[]) => runCli(args, { databaseFile });
let half: HalfCompiledApp;

beforeAll(async () => {
  half = halfCompiledApp("deploylens-exit-");
  expect((await cli("hosts", "add", "web", ...half.hostArgs)).code).toBe(0);
  const svc = ["--local", "--app-root", half.app, "--service", "no-such-unit-dl.service", "--no-startup-cost"];
  expect((await cli("hosts", "add", "svc", ...svc)).code).toBe(0);
}, 180_000);
afterAll(() => {
  half?.remove();
  temp.remove();
});

const SLOW = 600_000;

test(
  "bad input exits 2 with one line on stderr naming it, and prints nothing on stdout",
  { timeout: SLOW },
  async () => {
    const cases: [string[], string][] = [
      [["collect", "nope"], 'host "nope" does not exist'],
      [["hosts", "show", "nope"], 'host "nope" does not exist'],
      [["compare", "web", "cm0nosuchsnapshot"], 'host or snapshot "cm0nosuchsnapshot" does not exist'],
      [["export", "cm0nosuchsnapshot"], 'host or snapshot "cm0nosuchsnapshot" does not exist'],
      [["hosts", "add", "web", ...half.hostArgs], 'a host named "web" already exists'],
      [["hosts", "add", "x", "--local", "--app-root", "relative"], "--app-root must be an absolute path"],
      [
        ["hosts", "add", "x", "--local", "--app-root", "/srv", "--python", "bin/python3"],
        "--python must be an absolute path",
      ],
      [
        ["hosts", "add", "x", "--local", "--app-root", "/srv", "--max-files", "5"],
        "--max-files: Too small: expected number to be >=100",
      ],
      [["hosts", "edit", "web", "--timeout", "1"], "--timeout: Too small: expected number to be >=5"],
      [["hosts", "list", "--bogus"], "unknown option --bogus\nusage: deploylens hosts list [--json]"],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect([result.code, result.stdout, result.stderr], args.join(" ")).toEqual([2, "", `deploylens: ${message}\n`]);
    }
    const user = (name: string) =>
      runCli(["users", "add", name, "--role", "viewer", "--password-stdin"], {
        databaseFile,
        stdin: "long enough password\n",
      });
    expect((await user("ann")).code).toBe(0);
    const again = await user("ann");
    expect([again.code, again.stderr]).toEqual([2, "deploylens: that name is already taken\n"]);
  },
);

test(
  "a failed collection exits 1 and tells its error once, on stderr, with the --unit-file to try",
  { timeout: SLOW },
  async () => {
    const failed = await cli("collect", "svc");
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /^Snapshot (\w+) of svc at \S+: failed\n\nOpen in the dashboard: http:\/\/\S+\/snapshots\/\1\n$/,
    );
    expect(failed.stderr).toMatch(
      /^deploylens: collect svc failed \[unit-not-found\]: no-such-unit-dl\.service: [^\n]+\n/,
    );
    expect(failed.stderr.split("unit-not-found")).toHaveLength(2);
    expect(failed.stderr).toContain(
      "\nIf the unit file is somewhere systemd does not look, name it (PATH on the host, e.g. " +
        "/etc/systemd/system/app.service):\n  deploylens hosts edit svc --unit-file PATH\n",
    );
    const json = await cli("collect", "svc", "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: "failed", error: { code: "unit-not-found" } });
    expect(json.stderr.split("unit-not-found")).toHaveLength(2);
  },
);

test(
  "a host with nothing to work on yet exits 1 and says what to run; a gate that fails exits 3",
  { timeout: SLOW },
  async () => {
    const noSnapshot = await cli("export", "web");
    expect([noSnapshot.code, noSnapshot.stdout, noSnapshot.stderr]).toEqual([
      1,
      "",
      "deploylens: web has no successful snapshot yet; take one with: deploylens collect web\n",
    ]);
    const gated = await cli("collect", "web", "--fail-under", "100");
    expect(gated.code).toBe(3);
    expect(gated.stderr).toMatch(/^deploylens: gate failed: web: startup coverage \d+% is below 100%\n$/);
    const noBaseline = await cli("compare", "web");
    expect([noBaseline.code, noBaseline.stdout, noBaseline.stderr]).toEqual([
      1,
      "",
      "deploylens: web has no baseline; set one with: deploylens baseline web latest\n",
    ]);
    expect((await cli("baseline", "web", "latest")).code).toBe(0);
    const compared = await cli("compare", "web", "--json");
    expect([compared.code, compared.stderr]).toEqual([0, ""]);
  },
);
