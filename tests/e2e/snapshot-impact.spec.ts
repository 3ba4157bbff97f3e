import fs from "node:fs";
import path from "node:path";
import { expect as baseExpect, test, type APIRequestContext } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { openCollectedSnapshot, useSignedInApp } from "../support/snapshot-page";
import { tempDir } from "../support/temp-dir";

// "What it costs" on the snapshot page: a local host whose unit file runs gunicorn with 3 workers and
// PYTHONDONTWRITEBYTECODE=1, so its modules are compiled at every start of every worker.
const expect = baseExpect.configure({ timeout: 20_000 });
const temp = tempDir("deploylens-e2e-impact-");
const appRoot = path.join(temp.dir, "app");
const unitFile = path.join(temp.dir, "units", "shop.service");
let app: RunningApp;
let request: APIRequestContext;

function writeService() {
  const pkg = path.join(appRoot, "shop");
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, "__init__.py"), "");
  fs.writeFileSync(path.join(pkg, "models.py"), "X = [i * i for i in range(10)]\n");
  fs.writeFileSync(
    path.join(pkg, "wsgi.py"),
    "from . import models\n\ndef app(environ, start_response):\n    return []\n",
  );
  fs.mkdirSync(path.dirname(unitFile), { recursive: true });
  fs.writeFileSync(
    unitFile,
    [
      "[Service]",
      `WorkingDirectory=${appRoot}`,
      "Environment=PYTHONDONTWRITEBYTECODE=1",
      "ExecStart=/usr/bin/python3 -m gunicorn --workers 3 --max-requests 1000 shop.wsgi:app",
      "",
    ].join("\n"),
  );
}

useSignedInApp(temp, writeService, (started, signedIn) => {
  app = started;
  request = signedIn;
});

test("the snapshot page says what the blocked modules cost and what each fix is predicted to save", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openCollectedSnapshot(page, app, request, {
    transport: "local",
    name: "shop",
    appRoots: [appRoot],
    unitFile,
    measureStartup: true,
  });
  const impact = page.getByTestId("impact");
  await test.step("the cost: processes from ExecStart, starts unknown without a journal", async () => {
    await expect(impact).toContainText("3 (ExecStart --workers 3)");
    await expect(impact).toContainText("Starts per day");
    await expect(impact).toContainText("unknown");
  });
  await test.step("recycled workers: the formula with the user's own request rate", async () => {
    const recycle = page.getByTestId("recycle-rate");
    await expect(recycle).toContainText("(1000 max-requests + 0 jitter / 2)");
    await page.getByLabel("Requests per day").fill("20000");
    await expect(recycle).toContainText("= 20, each paying");
  });
  await test.step("each fix states its prediction", async () => {
    const preload = page.locator('[data-finding="gunicorn-preload-off"]');
    await expect(preload).toBeVisible();
    await expect(
      page.locator('[data-finding="bytecode-writing-disabled"]').getByTestId("fix-prediction"),
    ).toContainText("Fix predicted: 0 blocked, startup coverage 100 %");
  });
});
