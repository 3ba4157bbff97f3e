import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { signedInAppForTests } from "../support/app-for-tests";
import { signInBrowser } from "../support/session";
import { packageApp } from "../support/fixtures/package-app";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-e2e-collect-");
let app: RunningApp;
let request: APIRequestContext;
const appRoot = path.join(temp.dir, "srv", "shop");
const unitFile = path.join(temp.dir, "shop.service");

signedInAppForTests((running) => ({ app, request } = running), {
  before: () => packageApp(appRoot, unitFile, "shop", ["__init__", "views", "models", "<img src=x onerror=alert(1)>"]),
  after: () => temp.remove(),
});

const snapshotLinks = (page: Page) => page.getByRole("table").first().getByRole("link");

test("collect a host from the dashboard, follow its progress, see startup coverage first and the config change on the history chart", async ({
  page,
}) => {
  await signInBrowser(page.context(), app);
  const created = await request.post(`${app.url}/api/hosts`, {
    data: { transport: "local", name: "shop", appRoots: [appRoot], serviceUnit: "shop.service", unitFile },
  });
  const { data: host } = (await created.json()) as { data: { id: string } };

  await test.step("collect from the host page", async () => {
    await page.goto(`${app.url}/hosts/${host.id}`);
    await page.getByRole("button", { name: "Collect now" }).click();
    await expect(snapshotLinks(page)).toHaveCount(1, { timeout: 60_000 });
  });

  await test.step("the snapshot page shows coverage, and host file names as text", async () => {
    await snapshotLinks(page).first().click();
    // The verdict leads; the startup modules and the coverage per root are folded below the findings.
    await expect(page.getByTestId("verdict")).toBeVisible();
    await page.getByText("Startup modules", { exact: true }).click();
    await expect(page.getByTestId("startup-summary")).toContainText("0 blocked");
    await expect(page.getByText("Bytecode cache coverage (all sources)", { exact: true })).toBeVisible();
    await expect(page.locator("img")).toHaveCount(0);
  });

  await test.step("change the service configuration and collect again", async () => {
    fs.mkdirSync(`${unitFile}.d`, { recursive: true });
    fs.writeFileSync(path.join(`${unitFile}.d`, "opt.conf"), "[Service]\nEnvironment=PYTHONOPTIMIZE=1\n");
    await page.goto(`${app.url}/hosts/${host.id}`);
    await page.getByRole("button", { name: "Collect now" }).click();
    await expect(snapshotLinks(page)).toHaveCount(2, { timeout: 60_000 });
    await expect(page.getByTestId("history-chart").getByText("config changed")).toBeVisible();
  });
});
