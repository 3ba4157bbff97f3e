import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { CHROMIUM_LAUNCH_OPTIONS } from "../support/browser";
import { runCli } from "../support/run-cli";
import { addUser, ADMIN, sessionHeaders, signIn, type TestUser } from "../support/session";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-e2e-accounts-");
let app: RunningApp;
const VIEWER: TestUser = { name: "vera", role: "viewer", password: "viewer password 1" };
const OPERATOR: TestUser = { name: "otto", role: "operator", password: "operator password 1" };

/** Two local hosts, one collection each, through the real CLI: the comparison to share. */
async function collectTwoHosts() {
  const env = { ...process.env };
  delete env.PYTHONDONTWRITEBYTECODE;
  execFileSync("python3", ["-m", "venv", "--without-pip", path.join(temp.dir, "venv")], { env });
  const python = path.join(temp.dir, "venv", "bin", "python3");
  for (const name of ["left", "right"]) {
    const root = path.join(temp.dir, name);
    fs.mkdirSync(path.join(root, "pkg"), { recursive: true });
    fs.writeFileSync(path.join(root, "pkg", "__init__.py"), "X = 1\n");
    if (name === "left") execFileSync("python3", ["-m", "compileall", "-q", root], { env });
    const cli = (args: string[]) => runCli(args, { databaseFile: app.databaseFile });
    expect((await cli(["hosts", "add", name, "--local", "--app-root", root, "--python", python])).code).toBe(0);
    expect((await cli(["collect", name])).code).toBe(0);
  }
}

// One server for the story: the admin made through the setup link signs in in the later tests.
test.describe.configure({ mode: "serial" });
// Sign-in hashes with scrypt and this machine may be busy: allow for it instead of flaking.
test.use({ actionTimeout: 20_000 });
const SLOW = { timeout: 20_000 };

appForTests((started) => (app = started), {
  after: () => temp.remove(),
});

test("first run: only the setup link printed on the console creates the first admin", async ({ page }) => {
  const match = /\/setup\?token=([A-Za-z0-9_-]{43})/.exec(app.logs());
  expect(match, app.logs()).not.toBeNull();
  await test.step("a guessed token is refused", async () => {
    await page.goto(`${app.url}/setup?token=${"A".repeat(43)}`);
    await expect(page.getByText("This setup link is not valid")).toBeVisible();
    const forged = await fetch(`${app.url}/api/setup`, {
      method: "POST",
      headers: { origin: app.url, "content-type": "application/json" },
      body: JSON.stringify({ token: "A".repeat(43), name: "mallory", password: "mallory password" }),
    });
    expect(forged.status).toBe(403);
  });
  await test.step("the printed link creates the admin and signs in", async () => {
    await page.goto(`${app.url}/setup?token=${match![1]}`);
    await page.getByLabel("Name").fill(ADMIN.name);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Create admin" }).click();
    await expect(page.getByTestId("signed-in-as")).toHaveText("admin (admin)", SLOW);
  });
  await test.step("the link works once", async () => {
    await page.goto(`${app.url}/setup?token=${match![1]}`);
    await expect(page.getByText("This setup link is not valid")).toBeVisible();
  });
});

test("sign in, open a permalink, share it publicly, open the share in a fresh browser, revoke it, see it gone", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await collectTwoHosts();
  await test.step("an anonymous visit goes to the sign-in page and comes back after it", async () => {
    await page.goto(`${app.url}/compare?left=left&right=right`);
    await expect(page).toHaveURL(/\/login\?next=/, SLOW);
    await page.getByLabel("Name").fill(ADMIN.name);
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "wrong" })).toHaveText("wrong name or password", SLOW);
    await page.getByLabel("Password").fill(ADMIN.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/compare\?left=left&right=right$/, SLOW);
  });
  await test.step("open the permalink", async () => {
    await page.getByTestId("permalink").click();
    await expect(page).toHaveURL(/\/compare\/[a-z0-9]+\/[a-z0-9]+$/, SLOW);
    await expect(page.locator('[data-section="files"]')).toContainText("pkg/__init__.py");
  });
  let publicUrl = "";
  await test.step("Share publicly… shows the public URL and its expiry", async () => {
    await page.getByRole("button", { name: "Share publicly…" }).click();
    // The CLI's durations, as presets; 7 days unless another is picked.
    for (const preset of ["1 hour", "1 day", "7 days", "30 days"])
      await expect(page.getByRole("radio", { name: preset })).toBeVisible();
    await expect(page.getByRole("radio", { name: "7 days" })).toBeChecked();
    await page.getByRole("button", { name: "Create public link" }).click();
    await expect(page.getByRole("button", { name: "Copy the link" })).toBeVisible(SLOW);
    await expect(page.getByLabel("Public link")).toBeVisible(SLOW);
    publicUrl = await page.getByLabel("Public link").inputValue();
    expect(publicUrl).toMatch(new RegExp(`^${app.url}/share/[A-Za-z0-9_-]{43}$`));
    await expect(page.getByTestId("share-expires")).toContainText("Expires");
  });
  const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
  try {
    await test.step("a fresh browser (no session) sees that comparison and no way into the app", async () => {
      const stranger = await browser.newPage();
      const response = await stranger.goto(publicUrl);
      expect(response?.status()).toBe(200);
      await expect(stranger.locator('[data-section="files"]')).toContainText("pkg/__init__.py");
      await expect(stranger.locator("a[href]")).toHaveCount(0);
      await expect(stranger.getByText("Share publicly…")).toHaveCount(0);
      await stranger.close();
    });
    await test.step("revoke it; the link answers 404", async () => {
      await page.getByRole("button", { name: "Revoke link…" }).click();
      await page.getByRole("button", { name: "Yes, revoke link" }).click();
      await expect(page.getByRole("dialog")).toHaveCount(0, SLOW);
      const stranger = await browser.newPage();
      const response = await stranger.goto(publicUrl);
      expect(response?.status()).toBe(404);
      await expect(stranger.locator('[data-section="files"]')).toHaveCount(0);
      await stranger.close();
    });
  } finally {
    await browser.close();
  }
  await test.step("the settings page lists the share as revoked and the audit log newest first", async () => {
    await page.goto(`${app.url}/settings`);
    await expect(page.getByTestId("share-table")).toContainText("revoked");
    const actions = await page.getByTestId("audit-table").locator("tbody tr td:nth-child(4)").allTextContents();
    expect(actions.slice(0, 2)).toEqual(["share-revoked", "share-created"]);
    expect(actions).toEqual(expect.arrayContaining(["sign-in", "sign-in-failed", "user-created"]));
  });
  await test.step("sign out revokes the session", async () => {
    const cookie = (await page.context().cookies()).find((c) => c.name === "deploylens_session")!;
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/, SLOW);
    const reused = await fetch(`${app.url}/api/hosts`, { headers: sessionHeaders(app, cookie.value) });
    expect(reused.status).toBe(401);
  });
});

test("roles: a viewer reads and shares, an operator also collects and adds hosts, only an admin reads the audit log", async () => {
  test.setTimeout(120_000);
  await addUser(app, VIEWER);
  await addUser(app, OPERATOR);
  const as = async (user: TestUser) => sessionHeaders(app, await signIn(app, user));
  const post = (headers: Record<string, string>, url: string, body: object) =>
    fetch(`${app.url}${url}`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  const viewer = await as(VIEWER);
  const operator = await as(OPERATOR);
  const admin = await as(ADMIN);
  const newHost = (name: string) => ({ transport: "local", name, appRoots: ["/srv/app"] });
  expect((await fetch(`${app.url}/api/hosts`, { headers: viewer })).status).toBe(200);
  expect((await post(viewer, "/api/hosts", newHost("by-viewer"))).status).toBe(403);
  expect((await post(viewer, "/api/hosts/left/snapshots", {})).status).toBe(403);
  expect((await post(viewer, "/api/shares", { left: "left", right: "right" })).status).toBe(201);
  expect((await post(operator, "/api/hosts", newHost("by-operator"))).status).toBe(201);
  expect((await fetch(`${app.url}/api/audit`, { headers: operator })).status).toBe(403);
  const audit = await fetch(`${app.url}/api/audit?limit=2`, { headers: admin });
  const { data } = (await audit.json()) as {
    data: { events: { action: string; actor: string; address: string }[]; next: string };
  };
  expect(data.events.map((e) => e.action)).toEqual(["host-created", "share-created"]);
  expect(data.events[0]).toMatchObject({ actor: OPERATOR.name, address: expect.any(String) });
  const older = await fetch(`${app.url}/api/audit?limit=2&before=${data.next}`, { headers: admin });
  expect(((await older.json()) as { data: { events: { action: string }[] } }).data.events.map((e) => e.action)).toEqual(
    ["sign-in", "sign-in"],
  );
});
