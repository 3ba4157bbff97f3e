import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { startApp, type RunningApp } from "../support/app";
import { ADMIN, addUser, signIn, signInBrowser, sessionHeaders } from "../support/session";
import { buildSeedDeployment, type SeedDeployment } from "../support/seed-deployment";
import { startSshd, type Sshd } from "../support/sshd";
import { tempDir } from "../support/temp-dir";

// A new user's journey, in real Chromium against `next start`, a real sshd on loopback and a real database:
// sign in, add an SSH host through the form, test it, accept its key, collect, copy a fix, compare, share.
const ARTIFACTS = path.resolve(import.meta.dirname, "artifacts");
const temp = tempDir("deploylens-e2e-journey-");
const isRoot = process.getuid?.() === 0;
let app: RunningApp;
let sshd: Sshd;
let seed: SeedDeployment;
let api: APIRequestContext;

test.beforeAll(async ({ playwright }) => {
  if (!isRoot) return;
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // The seed deployment: root-owned __pycache__, the service runs as nobody (pycache-not-writable).
  seed = buildSeedDeployment(temp.dir);
  [app, sshd] = await Promise.all([startApp(), startSshd()]);
  await addUser(app, ADMIN);
  const token = await signIn(app);
  api = await playwright.request.newContext({
    extraHTTPHeaders: { ...sessionHeaders(app, token), "content-type": "application/json" },
  });
});
test.afterAll(async () => {
  await api?.dispose();
  await Promise.all([app?.stop(), sshd?.stop()]);
  temp.remove();
});

/** A full-page screenshot of the page in light and in dark mode, for the README and for review. */
async function shoot(page: Page, name: string) {
  for (const dark of [false, true]) {
    await page.evaluate((on) => document.documentElement.classList.toggle("dark", on), dark);
    await page.screenshot({
      path: path.join(ARTIFACTS, `journey-${name}-${dark ? "dark" : "light"}.png`),
      fullPage: true,
    });
  }
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
}

/** The comparison's local side: this machine, the same deployment, collected through the API. */
async function collectLocalHost(): Promise<void> {
  const created = await api.post(`${app.url}/api/hosts`, {
    data: {
      transport: "local",
      name: "laptop",
      appRoots: [seed.appRoot],
      serviceUnit: "lernmanager.service",
      unitFile: seed.unitFile,
      entryPoints: ["wsgi:app"],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { data: host } = (await created.json()) as { data: { id: string } };
  expect((await api.post(`${app.url}/api/hosts/${host.id}/snapshots`, { data: {} })).status()).toBe(202);
  await expect
    .poll(
      async () => {
        const { data } = (await (await api.get(`${app.url}/api/hosts/${host.id}/snapshots`)).json()) as {
          data: { status: string }[];
        };
        return data[0]?.status;
      },
      { timeout: 60_000 },
    )
    .toBe("ok");
}

test("sign in, add an SSH host with Test connection, collect, copy a fix, compare and share the permanent link", async ({
  browser,
}) => {
  test.skip(!isRoot, "the seed deployment needs root (a root-owned __pycache__, a service user nobody)");
  test.setTimeout(180_000);
  const localHost = collectLocalHost();
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();

  await test.step("sign in", async () => {
    await page.goto(`${app.url}/login`);
    await shoot(page, "login");
    await page.getByLabel("Name").fill(ADMIN.name);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${app.url}/`);
    await expect(page.getByRole("link", { name: "Settings" })).toBeVisible(); // signed in as the admin
  });

  let hostUrl = "";
  await test.step("add an SSH host through the form, test the connection and accept the key", async () => {
    await page.goto(`${app.url}/hosts/new?transport=ssh`);
    await page.getByLabel("Name").fill("vps");
    await page.getByLabel("USER@HOST[:PORT]").fill(`${sshd.user}@127.0.0.1:${sshd.port}`);
    await page.getByLabel("Authentication", { exact: true }).selectOption("stored-key");
    await page.getByLabel("Private key", { exact: true }).fill(sshd.privateKey);
    await page.getByLabel("App roots").fill(seed.appRoot);
    await page.getByLabel("systemd unit (optional)").fill("lernmanager.service");
    await page.getByLabel("Unit file path (optional)").fill(seed.unitFile);
    await page.getByLabel("Entry points (optional)").fill("wsgi:app");
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByTestId("presented-key")).toHaveText(sshd.hostKeyFingerprint, { timeout: 30_000 });
    await expect(page.getByTestId("presented-key-type")).toHaveText("ssh-ed25519");
    await shoot(page, "add-host-key");
    await page.getByRole("button", { name: "Trust this key" }).click();
    const report = page.getByTestId("connection-report");
    await expect(report).toContainText(/Python\s*3\.\d+/, { timeout: 30_000 });
    await expect(report).toContainText(`${seed.appRoot}: readable`);
    await expect(report).toContainText("lernmanager.service: found");
    await shoot(page, "add-host-tested");
    await page.getByRole("button", { name: "Save host" }).click();
    await expect(page.getByRole("heading", { name: "vps" })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(sshd.hostKeyFingerprint)).toBeVisible(); // pinned, shown in the settings
    hostUrl = page.url();
  });

  await test.step("collect and watch the progress reach the end", async () => {
    await page.getByRole("button", { name: "Collect now" }).click();
    await expect(page.getByRole("progressbar", { name: "Collection progress" })).toBeVisible();
    const snapshots = page.getByRole("table").first().getByRole("link");
    await expect(snapshots).toHaveCount(1, { timeout: 60_000 });
    await expect(page.getByRole("progressbar")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Collect now" })).toBeEnabled();
    await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
    await shoot(page, "host");
    await snapshots.first().click();
  });

  await test.step("see pycache-not-writable with its fix, and copy it", async () => {
    const finding = page.locator('[data-finding="pycache-not-writable"]');
    await expect(finding).toBeVisible();
    const copy = finding.getByRole("button", { name: "Copy code" }).first();
    const code = await finding.locator("pre").first().innerText();
    await copy.click();
    await expect(copy).toHaveText("Copied");
    expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe(code.trim());
    await shoot(page, "snapshot");
  });

  let permalink = "";
  await test.step("compare with a local host", async () => {
    await localHost;
    await page.goto(`${app.url}/compare`);
    await page.getByLabel("Left host").selectOption("laptop");
    await page.getByLabel("Right host").selectOption("vps");
    await page.getByRole("button", { name: "Compare latest snapshots" }).click();
    await expect(page.getByTestId("permalink")).toBeVisible();
    await page.getByTestId("permalink").click();
    await expect(page).toHaveURL(/\/compare\/[^/?]+\/[^/?]+/);
    await shoot(page, "compare");
  });

  await test.step("copy the permanent link and open it in a fresh signed-in context: the same view", async () => {
    // The comparison streams in behind its skeleton: compare the pages once both have it.
    const loaded = (p: Page) => expect(p.locator("main")).not.toContainText("Loading comparison", { timeout: 30_000 });
    await loaded(page);
    const view = await page.locator("main").innerText();
    await page.getByTestId("copy-link").click();
    await expect(page.getByTestId("copy-link")).toHaveText("Link copied");
    permalink = await page.evaluate(() => navigator.clipboard.readText());
    expect(permalink).toBe(page.url());
    const fresh = await browser.newContext();
    await signInBrowser(fresh, app);
    const other = await fresh.newPage();
    await other.goto(permalink);
    await expect(other.getByTestId("permalink")).toBeVisible();
    await loaded(other);
    expect(await other.locator("main").innerText()).toBe(view);
    await fresh.close();
  });

  await test.step("the remaining pages, for their screenshots", async () => {
    const pages = [
      ["hosts", `${app.url}/`, "Hosts"],
      ["edit-host", `${hostUrl}/edit`, "Edit vps"],
      ["settings", `${app.url}/settings`, "Settings"],
    ] as const;
    for (const [name, url, heading] of pages) {
      await page.goto(url);
      await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
      await shoot(page, name);
    }
  });
  await context.close();
});
