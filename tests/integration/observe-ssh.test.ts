import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { observedApp, startAsNobody, type ObservedApp } from "../support/fixtures/observed-app";
import { isRoot } from "../support/fixtures/odd-entries";
import { observeInBackground, type ObservationJson } from "../support/observe-in-background";
import { runCli } from "../support/run-cli";
import { startSshd, type Sshd } from "../support/sshd";
import { tempDir } from "../support/temp-dir";

// The observer over a real sshd: its program and spec travel on stdin, its "armed" line comes back before the
// start, and the verdicts are the same as on this machine.
const temp = tempDir("deploylens-observe-ssh-");
const databaseFile = path.join(temp.dir, "ssh.db");
const cli = (...args: string[]) => runCli(args, { databaseFile });
let sshd: Sshd;
let app: ObservedApp;

beforeAll(async () => {
  sshd = await startSshd();
  app = observedApp();
  const target = `${sshd.user}@127.0.0.1:${sshd.port}`;
  const login = ["--ssh", target, "--identity", sshd.privateKeyPath, "--accept-host-key"];
  const settings = ["--app-root", app.app, "--python", app.python, "--entry", "webapp", "--user", "nobody"];
  const add = await cli("hosts", "add", "remote", ...login, ...settings, "--no-startup-cost");
  expect(add.code, add.stderr).toBe(0);
  const collected = await cli("collect", "remote");
  expect(collected.code, collected.stderr).toBe(0);
});

afterAll(async () => {
  await sshd?.stop();
  app?.remove();
  temp.remove();
});

test.runIf(isRoot)("observe over SSH: armed before the start, then its verdicts", { timeout: 200_000 }, async () => {
  const run = observeInBackground("remote", databaseFile);
  expect(await run.armed).toBeGreaterThan(0);
  startAsNobody(app);
  const result = await run.done;
  expect(result.code, result.stderr).toBe(0);
  const observation = JSON.parse(result.stdout) as ObservationJson;
  const verdict = (name: string) => observation.modules.find((m) => m.name === name);
  expect(verdict("locked.helpers")).toMatchObject({ loaded: "compiled", blocked: true });
  expect(verdict("locked.hashed")).toMatchObject({ loaded: "cache", blocked: false });
  expect(verdict("webapp.views")).toMatchObject({ loaded: "compiled", blocked: false });
  expect(observation.staticMissed).toContain("webapp.plugin");
});
