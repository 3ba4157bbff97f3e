import Database from "../support/sqlite-database";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { observedApp, type ObservedApp } from "../support/fixtures/observed-app";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

// A restart that fails (the unit is not loaded in any systemd here) ends the observation at once with its own
// code, instead of leaving the observer waiting for a start until its timeout.
const temp = tempDir("deploylens-observe-restart-");
const databaseFile = path.join(temp.dir, "restart.db");
const cli = (...args: string[]) => runCli(args, { databaseFile });
let app: ObservedApp;

beforeAll(async () => {
  app = observedApp();
  const unit = "deploylens-test-not-loaded.service";
  const unitFile = path.join(app.dep.units, unit);
  fs.writeFileSync(
    unitFile,
    `[Service]\nUser=nobody\nWorkingDirectory=${app.app}\nExecStart=${app.python} -m webapp\n`,
  );
  const add = await cli(
    "hosts",
    "add",
    "gone",
    "--local",
    "--app-root",
    app.app,
    "--service",
    unit,
    "--unit-file",
    unitFile,
  );
  expect(add.code, add.stderr).toBe(0);
  const collected = await cli("collect", "gone", "--json");
  expect(collected.code, collected.stderr).toBe(0);
});

afterAll(() => {
  app?.remove();
  temp.remove();
});

test(
  "a failed systemctl restart ends observe --restart with restart-failed, audited",
  { timeout: 90_000 },
  async () => {
    const run = await cli("observe", "gone", "--restart", "--timeout", "10m");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("watching");
    expect(run.stderr).toContain("systemctl restart deploylens-test-not-loaded.service failed");
    const db = new Database(databaseFile, { readonly: true });
    try {
      const actions = db.prepare(`SELECT action FROM AuditEvent`).all() as { action: string }[];
      expect(actions.map((a) => a.action)).toEqual(
        expect.arrayContaining(["observation-started", "service-restarted"]),
      );
    } finally {
      db.close();
    }
  },
);
