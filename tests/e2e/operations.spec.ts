import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { runCli } from "../support/run-cli";
import { ADMIN, signInBrowser } from "../support/session";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-e2e-ops-");
const databaseFile = path.join(temp.dir, "ops.db");
let fixture: HalfCompiledApp;
let app: RunningApp;

appForTests((started) => (app = started), {
  before: async () => {
    test.setTimeout(300_000);
    fixture = halfCompiledApp();
    const cli = async (...args: string[]) => {
      const result = await runCli(args, { databaseFile });
      if (result.code !== 0) throw new Error(`${args.join(" ")}: ${result.stderr}`);
    };
    // The service imports its compiled views at start, so losing their cache is a startup regression.
    await cli("hosts", "add", "web", ...fixture.hostArgs, "--entry", "webapp.views.v0");
    await cli("collect", "web");
    fs.rmSync(path.join(fixture.app, "webapp", "views", "__pycache__"), { recursive: true }); // a regression
    await cli("collect", "web");
  },
  start: { databaseFile },
  users: [ADMIN],
  after: () => {
    fixture?.remove();
    temp.remove();
  },
});

test("a regression is marked on the host list and the history chart; settings save retention and a webhook", async ({
  page,
}) => {
  await signInBrowser(page.context(), app);
  await test.step("host list", async () => {
    await page.goto(app.url);
    const badge = page.getByTestId("regression-badge");
    await expect(badge).toHaveText("regression");
    // The exact figures depend on the interpreter's own start-up modules in the closure; the drop does not.
    await expect(badge).toHaveAttribute("title", /startup coverage fell from [\d.]+% to [\d.]+% \(vs previous\)/);
    const [was, now] = ((await badge.getAttribute("title")) ?? "").match(/[\d.]+(?=%)/g)!.map(Number);
    expect(now).toBeLessThan(was!);
  });
  await test.step("history chart", async () => {
    await page.getByRole("link", { name: "web" }).click();
    await expect(page.getByTestId("history-chart").getByText("regression")).toBeVisible();
  });
  await test.step("settings: store and retention", async () => {
    await page.goto(`${app.url}/settings`);
    await expect(page.getByTestId("store-size")).toHaveText(/MB$/);
    await expect(page.getByRole("row", { name: "web 2" })).toBeVisible();
    await page.getByLabel("Keep every snapshot for").fill("14");
    await page.getByRole("button", { name: "Save retention" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved retention.");
    await expect(page.getByLabel("Keep every snapshot for")).toHaveValue("14");
  });
  await test.step("settings: webhook", async () => {
    await page.getByPlaceholder(/hooks\.slack\.com/).fill("https://hooks.example.com/T000/secret");
    await page.getByRole("button", { name: "Save webhook" }).click();
    await expect(page.getByText("A webhook is set.")).toBeVisible();
    await expect(page.locator("body")).not.toContainText("hooks.example.com");
  });
});
