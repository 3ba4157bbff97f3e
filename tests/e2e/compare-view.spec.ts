import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { signedInAppForTests } from "../support/app-for-tests";
import { ADMIN, sessionHeaders, signIn, signInBrowser } from "../support/session";
import { tempDir } from "../support/temp-dir";
import { twoLayoutApps } from "../support/fixtures/two-layout-apps";

// The compare page's view lives in its URL: toggles, collapsed sections, the sides, their order.
const temp = tempDir("deploylens-e2e-compare-view-");
let app: RunningApp;
let request: APIRequestContext;
const ids = { laptop: "", vps: "", laptopOlder: "" };
const SLOW = { timeout: 20_000 };
test.describe.configure({ mode: "serial" });
test.use({ actionTimeout: 20_000, viewport: { width: 1280, height: 900 }, colorScheme: "light" });

/** Collects a host through the API and reads its job's events to the end; returns the snapshot id. */
async function collect(hostId: string): Promise<string> {
  const started = await request.post(`${app.url}/api/hosts/${hostId}/snapshots`);
  expect(started.status()).toBe(202);
  const { data: job } = (await started.json()) as { data: { events: string } };
  const headers = sessionHeaders(app, await signIn(app, ADMIN));
  const text = await (await fetch(`${app.url}${job.events}`, { headers })).text();
  const match = [...text.matchAll(/event: snapshot\ndata: (.*)\n/g)].at(-1);
  expect(match, text).toBeTruthy();
  const data = JSON.parse(match![1]!) as { ok: boolean; snapshotId: string };
  expect(data.ok).toBe(true);
  return data.snapshotId;
}

async function addHost(name: string, root: string, python: string): Promise<string> {
  const created = await request.post(`${app.url}/api/hosts`, {
    data: { transport: "local", name, appRoots: [root], python },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { data: { id: string } }).data.id;
}

const headlineRows = (page: Page, row: string) => page.locator(`[data-section="headline"] tr[data-row="${row}"]`);
const isOpen = (page: Page, id: string) =>
  page.locator(`details[data-section="${id}"]`).evaluate((el) => (el as HTMLDetailsElement).open);

signedInAppForTests(
  async (running) => {
    ({ app, request } = running);
    const { laptopRoot, vpsRoot, python } = twoLayoutApps(temp.dir, ["models", "views"]);
    const laptop = await addHost("laptop", laptopRoot, python);
    ids.laptopOlder = await collect(laptop);
    ids.laptop = await collect(laptop);
    ids.vps = await collect(await addHost("vps", vpsRoot, python));
  },
  {
    before: () => test.setTimeout(180_000),
    after: () => temp.remove(),
  },
);

test.beforeEach(async ({ page }) => {
  await signInBrowser(page.context(), app);
});

test("Only differences is on by default; turning it off shows unchanged rows and writes ?all=1", async ({ page }) => {
  await page.goto(`${app.url}/compare/${ids.laptop}/${ids.vps}`);
  const toggle = page.getByLabel("Only differences");
  await expect(toggle).toBeChecked();
  await expect(headlineRows(page, "changed").first()).toBeVisible();
  await expect(headlineRows(page, "same")).toHaveCount(0);
  await toggle.uncheck();
  await expect(page).toHaveURL(new RegExp(`/compare/${ids.laptop}/${ids.vps}\\?all=1$`), SLOW);
  await expect(headlineRows(page, "same").first()).toBeVisible(SLOW);
  await page.reload();
  await expect(page.getByLabel("Only differences")).not.toBeChecked();
  await expect(headlineRows(page, "same").first()).toBeVisible();
  await page.getByLabel("Only differences").check();
  await expect(page).toHaveURL(new RegExp(`/compare/${ids.laptop}/${ids.vps}$`), SLOW);
  await expect(headlineRows(page, "same")).toHaveCount(0, SLOW);
});

test("a collapsed section is written to the URL and stays collapsed after a reload", async ({ page }) => {
  await page.goto(`${app.url}/compare/${ids.laptop}/${ids.vps}`);
  const files = page.locator('[data-section="files"]');
  await expect(files).toContainText("pkg/models.py");
  expect(await isOpen(page, "files")).toBe(true);
  await files.locator("summary").press("Enter"); // keyboard-usable: the summary is focusable and toggles
  await expect(page).toHaveURL(/\?closed=files$/, SLOW);
  await page.reload();
  expect(await isOpen(page, "files")).toBe(false);
  expect(await isOpen(page, "packages")).toBe(true);
  await expect(files.getByText("pkg/models.py")).toBeHidden();
  await files.locator("summary").click();
  await expect(page).toHaveURL(new RegExp(`/compare/${ids.laptop}/${ids.vps}$`), SLOW);
});

test("a section collapsed before the page's script has run is written to the URL once it runs", async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // Scripts only: the stylesheets load, so the page shows, but React cannot hydrate it.
  await page.route(/\/_next\/static\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${app.url}/compare/${ids.laptop}/${ids.vps}`, { waitUntil: "commit" });
  const files = page.locator('[data-section="files"]');
  // Streamed in and shown: React may hold a streamed section hidden for a moment before it reveals it, and a
  // reader can only press Enter on what is on the screen.
  await expect(files.getByText("pkg/models.py")).toBeVisible();
  await files.locator("summary").press("Enter");
  expect(await isOpen(page, "files")).toBe(false);
  release();
  await expect(page).toHaveURL(/\?closed=files$/, SLOW);
  expect(await isOpen(page, "files")).toBe(false);
});

test("Swap exchanges the sides and keeps the view", async ({ page }) => {
  await page.goto(`${app.url}/compare/${ids.laptop}/${ids.vps}?all=1`);
  await expect(page.locator("h1")).toContainText(/Left\s*laptop.*Right\s*vps/s);
  await page.getByRole("link", { name: "Swap sides" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare/${ids.vps}/${ids.laptop}\\?all=1$`), SLOW);
  await expect(page.locator("h1")).toContainText(/Left\s*vps.*Right\s*laptop/s);
  // Now the right side has the bytecode.
  await expect(page.locator('[data-section="files"] tr', { hasText: "pkg/models.py" })).toContainText(
    /missing.*fresh/s,
  );
});

test("Download CSV points to the export of these two snapshots", async ({ page }) => {
  await page.goto(`${app.url}/compare/${ids.laptop}/${ids.vps}`);
  const link = page.getByRole("link", { name: "Download CSV" });
  const href = `/api/compare/export?left=${ids.laptop}&right=${ids.vps}&format=csv`;
  await expect(link).toHaveAttribute("href", href);
  const csv = await request.get(`${app.url}${href}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("pkg/models.py");
  await expect(page.getByRole("button", { name: "Copy as Markdown" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Share publicly…" })).toBeVisible();

  const artifacts = path.join("tests", ".artifacts");
  fs.mkdirSync(artifacts, { recursive: true });
  const shot = await page.screenshot({ fullPage: true, path: path.join(artifacts, "compare-light.png") });
  if (process.env.UPDATE_DOCS_SCREENSHOTS === "1") fs.writeFileSync(path.join("docs", "compare.png"), shot);
});

test("the picker changes a side to another host's latest snapshot or an older snapshot", async ({ page }) => {
  await page.goto(`${app.url}/compare/${ids.laptop}/${ids.vps}?closed=packages`);
  await page.getByLabel("Left side").selectOption(ids.laptopOlder);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare/${ids.laptopOlder}/${ids.vps}\\?closed=packages$`), SLOW);
  await page.getByLabel("Right side").selectOption(ids.laptop);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare/${ids.laptopOlder}/${ids.laptop}\\?closed=packages$`), SLOW);
  await expect(page.locator('[data-section="files"]')).toContainText("No differences.");
  await expect(page.getByLabel("Right side")).toHaveValue(ids.laptop);
});
