import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { tempDir } from "../support/temp-dir";

// `npm link` in the clone puts `deploylens` on the PATH (docs/cli.md "Installing the command"): the command
// every example, hint and error message of the CLI uses.
const ROOT = path.resolve(import.meta.dirname, "../..");
const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
const temp = tempDir("deploylens-install-");
const prefix = path.join(temp.dir, "prefix");
const databaseFile = path.join(temp.dir, "linked.db");
const pathWithLink = () => `${path.join(prefix, "bin")}${path.delimiter}${process.env.PATH}`;

beforeAll(() => {
  // A private global prefix, so the machine's own is untouched. The install scripts are skipped: the clone is
  // installed already, and re-running them here would rebuild files other tests are reading.
  execFileSync("npm", ["link", "--offline", "--ignore-scripts", "--no-audit", "--no-fund"], {
    cwd: ROOT,
    env: { ...process.env, npm_config_prefix: prefix },
    stdio: "pipe",
  });
}, 120_000);
afterAll(() => temp.remove());

test("after npm link, deploylens on the PATH answers --version and runs commands from any folder", () => {
  const run = (args: string[]) =>
    spawnSync("deploylens", args, {
      cwd: temp.dir,
      env: { ...process.env, PATH: pathWithLink(), DATABASE_URL: `file:${databaseFile}` },
      encoding: "utf8",
    });
  const printed = run(["--version"]);
  expect([printed.status, printed.stdout, printed.stderr]).toEqual([0, `deploylens ${version}\n`, ""]);
  const listed = run(["hosts", "list"]);
  expect([listed.status, listed.stderr]).toEqual([0, ""]);
  expect(listed.stdout).toBe("No hosts yet. Add one: deploylens hosts add NAME --local --app-root /path/to/app\n");
});

/** A copy of what an installed package holds: the launcher, its bundle and package.json, and a lib/ newer than both. */
function installedCopy(dir: string): string {
  fs.mkdirSync(path.join(dir, "bin"), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "bin/deploylens"), path.join(dir, "bin/deploylens"));
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
  fs.cpSync(path.join(ROOT, "dist/cli"), path.join(dir, "dist/cli"), { recursive: true });
  const bundle = path.join(dir, "dist/cli/entry.js");
  const past = new Date(Date.now() - 3_600_000);
  fs.utimesSync(bundle, past, past);
  fs.mkdirSync(path.join(dir, "lib"));
  fs.writeFileSync(path.join(dir, "lib/edited.ts"), "export {};\n");
  return bundle;
}

test("outside a git working tree the launcher starts the bundle as shipped: no walk of lib/, no rebuild", () => {
  const dir = path.join(temp.dir, "installed");
  const bundle = installedCopy(dir);
  const before = fs.statSync(bundle).mtimeMs;
  // No scripts/build-cli.mjs and no tsx here: a launcher that looked at lib/ would fail to rebuild and exit non-zero.
  const printed = spawnSync(process.execPath, [path.join(dir, "bin/deploylens"), "--version"], { encoding: "utf8" });
  expect([printed.status, printed.stdout, printed.stderr]).toEqual([0, `deploylens ${version}\n`, ""]);
  expect(fs.statSync(bundle).mtimeMs).toBe(before);
});
