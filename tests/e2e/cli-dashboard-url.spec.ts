import path from "node:path";
import { expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

// The CLI's links point at the dashboard that serves its database: the server records where it listens when
// it starts (here a free port, not 3000), and the CLI reads that.
const temp = tempDir("deploylens-e2e-cli-url-");
const databaseFile = path.join(temp.dir, "url.db");
let fixture: HalfCompiledApp;
let app: RunningApp;

appForTests((started) => (app = started), {
  before: () => {
    test.setTimeout(300_000);
    fixture = halfCompiledApp();
  },
  start: { databaseFile },
  after: () => {
    fixture?.remove();
    temp.remove();
  },
});

test("collect, compare and share create link to the running dashboard's own address", async () => {
  test.setTimeout(300_000);
  const cli = (...args: string[]) => runCli(args, { databaseFile });
  expect((await cli("hosts", "add", "web", ...fixture.hostArgs)).code).toBe(0);
  const collected = await cli("collect", "web");
  expect(collected.code, collected.stderr).toBe(0);
  const opened = /\nOpen in the dashboard: (\S+)\n$/.exec(collected.stdout)?.[1];
  expect(opened).toMatch(new RegExp(`^${app.url}/snapshots/\\w+$`));
  // The link works: the page answers (the sign-in page, for a visitor without a session).
  expect((await fetch(opened!)).status).toBe(200);

  const compared = JSON.parse((await cli("compare", "web", "web", "--json")).stdout) as { url: string };
  expect(compared.url.startsWith(`${app.url}/compare/`)).toBe(true);
  const shared = JSON.parse((await cli("share", "create", "web", "web", "--json")).stdout) as { url: string };
  expect(shared.url).toMatch(new RegExp(`^${app.url}/share/[\\w-]+$`));
  expect((await fetch(shared.url)).status).toBe(200);
});
