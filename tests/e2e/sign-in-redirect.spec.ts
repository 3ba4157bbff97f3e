import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { startApp, type RunningApp } from "../support/app";
import { addUser, ADMIN } from "../support/session";

// After sign-in the page goes to `next`: a value Chromium would read as another site must land on this one.
let app: RunningApp;
/** Another site on loopback (another port is another origin), counting every request that reaches it. */
const elsewhere = { server: http.createServer(), host: "", visits: [] as string[] };
test.beforeAll(async () => {
  app = await startApp();
  await addUser(app, ADMIN);
  elsewhere.server.on("request", (req, res) => {
    elsewhere.visits.push(req.url ?? "");
    res.end("owned");
  });
  await new Promise<void>((resolve) => elsewhere.server.listen(0, "127.0.0.1", resolve));
  elsewhere.host = `127.0.0.1:${(elsewhere.server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((resolve) => elsewhere.server.close(resolve));
  await app.stop();
});

test("no crafted next sends the browser off-site after sign-in", async ({ browser }) => {
  test.setTimeout(180_000);
  const other = elsewhere.host;
  const crafted = [
    `/%09/${other}/owned`,
    `/%0A/${other}/owned`,
    `/%0D/${other}/owned`,
    `//${other}/owned`,
    `/%5C${other}/owned`,
    `%5C%5C${other}/owned`,
    `/%09%5C${other}/owned`,
    `/%5C%09/${other}/owned`,
    `/.//${other}/owned`,
    `/%2e//${other}/owned`,
    `http://${other}/owned`,
    `javascript:alert(1)`,
  ];
  for (const next of crafted) {
    await test.step(next, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${app.url}/login?next=${next}`);
      await page.getByLabel("Name").fill(ADMIN.name);
      await page.getByLabel("Password").fill(ADMIN.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/login");
      expect(new URL(page.url()).origin).toBe(app.url);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await context.close();
    });
  }
  expect(elsewhere.visits).toEqual([]);
});

test("a plain path in next is where sign-in lands", async ({ page }) => {
  await page.goto(`${app.url}/login?next=${encodeURIComponent("/settings?before=x#audit")}`);
  await page.getByLabel("Name").fill(ADMIN.name);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${app.url}/settings?before=x#audit`);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
});
