import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { observedApp, type ObservedApp } from "../support/fixtures/observed-app";
import { isRoot } from "../support/fixtures/odd-entries";
import { nobodyCan } from "../support/fixtures/permissions";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

// Without a unit, whose permissions decide "blocked"? A root collection of an app nobody runs: with --user nobody
// the root-owned package is blocked, as the kernel says; without it the snapshot says whose counts they are.

const temp = tempDir("deploylens-user-db-");
const databaseFile = path.join(temp.dir, "user.db");
const cli = (...args: string[]) => runCli(args, { databaseFile });
let app: ObservedApp;

type SnapshotJson = {
  service: { identity: { user: string; source?: string } };
  startup: { counts: { blocked: number }; modules: { name: string; blocked: boolean }[] };
  identityNote: string | null;
};

beforeAll(async () => {
  app = observedApp();
  const common = ["--local", "--app-root", app.app, "--python", app.python, "--entry", "webapp", "--no-startup-cost"];
  expect((await cli("hosts", "add", "as-svc", ...common, "--user", "nobody")).code).toBe(0);
  expect((await cli("hosts", "add", "as-login", ...common)).code).toBe(0);
});

afterAll(() => {
  app?.remove();
  temp.remove();
});

test.runIf(isRoot)("--user nobody: the modules nobody cannot cache are blocked, as the kernel says", async () => {
  const run = await cli("collect", "as-svc", "--json");
  expect(run.code, run.stderr).toBe(0);
  const snapshot = JSON.parse(run.stdout) as SnapshotJson;
  expect(snapshot.service.identity).toMatchObject({ user: "nobody", source: "host-setting" });
  expect(snapshot.identityNote).toBeNull();
  const blocked = snapshot.startup.modules.filter((m) => m.blocked).map((m) => m.name);
  expect(nobodyCan("-w", path.join(app.app, "locked")), "ground truth: locked/ is not nobody's to write").toBe(false);
  expect(nobodyCan("-w", path.join(app.app, "webapp")), "ground truth: webapp/ is").toBe(true);
  expect(blocked).toEqual(expect.arrayContaining(["locked", "locked.helpers"]));
  expect(blocked.filter((name) => name.startsWith("webapp"))).toEqual([]);
});

test.runIf(isRoot)("without a unit or --user, the snapshot says blocked counts are the collecting user's", async () => {
  const json = await cli("collect", "as-login", "--json");
  expect(json.code, json.stderr).toBe(0);
  const snapshot = JSON.parse(json.stdout) as SnapshotJson;
  expect(snapshot.service.identity).toMatchObject({ user: "root", source: "collecting-user" });
  expect(snapshot.startup.counts.blocked).toBe(0);
  expect(snapshot.identityNote).toContain("Blocked counts are for the collecting user (root)");
  const text = await cli("collect", "as-login");
  expect(text.stdout).toContain("note: Blocked counts are for the collecting user (root)");
});

test("hosts edit --user none clears it; an unknown user fails the collection with its own code", async () => {
  expect((await cli("hosts", "edit", "as-login", "--user", "no-such-user-here")).code).toBe(0);
  const failed = await cli("collect", "as-login", "--json");
  expect(failed.code).toBe(1);
  expect(JSON.parse(failed.stdout)).toMatchObject({ status: "failed", error: { code: "unknown-user" } });
  expect((await cli("hosts", "edit", "as-login", "--user", "none")).code).toBe(0);
  const shown = await cli("hosts", "show", "as-login", "--json");
  expect(JSON.parse(shown.stdout)).toMatchObject({ serviceUser: null });
});
