import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { startApp } from "../support/app";
import { dashboardPages, seedDashboardStates, type DashboardStates } from "../support/dashboard-states";
import { signedInRequest, signInBrowser } from "../support/session";
import { tempDir } from "../support/temp-dir";

// The screenshot set of docs/dashboard.md: every page in the states that matter (empty, collecting, failed,
// healthy, broken), desktop light, desktop dark and a 390 px phone. Viewport-sized PNGs keep the set small.
const OUT = path.resolve(import.meta.dirname, "../../docs/screenshots");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
/** Pages also shot in dark and on a phone: the ones a link usually lands on. */
const ALSO_DARK_AND_PHONE = new Set(["hosts", "host-broken", "host-failed", "snapshot-broken", "compare", "share"]);
const isRoot = process.getuid?.() === 0;
let s: DashboardStates;

test.describe.configure({ timeout: 600_000 });
test.beforeAll(async () => {
  test.setTimeout(300_000);
  if (!isRoot) return;
  fs.mkdirSync(OUT, { recursive: true });
  s = await seedDashboardStates();
});
test.afterAll(async () => s?.stop());

async function shoot(
  browser: Browser,
  url: string,
  file: string,
  options: { theme: "light" | "dark"; viewport: typeof DESKTOP; signedIn?: boolean; app?: DashboardStates["app"] },
  prepare?: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ viewport: options.viewport, colorScheme: options.theme });
  if (options.signedIn !== false) await signInBrowser(context, options.app ?? s.app);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId("skeleton")).toHaveCount(0, { timeout: 30_000 });
  await prepare?.(page);
  await page.screenshot({ path: path.join(OUT, `${file}.png`) });
  await context.close();
}

test("every page in every state, light, dark and on a phone", async ({ browser }) => {
  test.skip(!isRoot, "the seed deployment needs root to own its tree");
  for (const [name, pagePath] of dashboardPages(s)) {
    const url = `${s.app.url}${pagePath}`;
    const signedIn = !name.startsWith("share");
    await shoot(browser, url, `${name}-light`, { theme: "light", viewport: DESKTOP, signedIn });
    if (!ALSO_DARK_AND_PHONE.has(name)) continue;
    await shoot(browser, url, `${name}-dark`, { theme: "dark", viewport: DESKTOP, signedIn });
    await shoot(browser, url, `${name}-phone`, { theme: "light", viewport: PHONE, signedIn });
  }
  // The verdict card with its fix, unfolded details below it.
  await shoot(
    browser,
    `${s.app.url}/snapshots/${s.snapshots.broken}`,
    "snapshot-broken-details-light",
    { theme: "light", viewport: DESKTOP },
    async (page) => {
      await page.getByText("Service and interpreter").click();
      await page.getByTestId("details-service").scrollIntoViewIfNeeded();
      await expect(page.getByTestId("service-summary")).toContainText(/Collection on the target.*of CPU in/);
    },
  );
});

test("the empty state and a collection under way", async ({ browser }) => {
  test.skip(!isRoot, "the seed deployment needs root to own its tree");
  const temp = tempDir("deploylens-e2e-shots-");
  const app = await startApp();
  const api = await signedInRequest(app);
  try {
    await shoot(browser, app.url, "hosts-empty-light", { theme: "light", viewport: DESKTOP, app });
    await shoot(browser, app.url, "hosts-empty-phone", { theme: "light", viewport: PHONE, app });
    // An "interpreter" that stalls while a marker exists keeps the collection under way for the shot.
    const marker = path.join(temp.dir, "stall");
    const python = path.join(temp.dir, "python3");
    fs.mkdirSync(path.join(temp.dir, "app"));
    fs.writeFileSync(path.join(temp.dir, "app", "main.py"), "X = 1\n");
    fs.writeFileSync(python, `#!/bin/sh\n[ -e ${marker} ] && sleep 30\nexec /usr/bin/python3 "$@"\n`, { mode: 0o755 });
    fs.writeFileSync(marker, "");
    const created = await api.post(`${app.url}/api/hosts`, {
      data: { transport: "local", name: "web-1", appRoots: [path.join(temp.dir, "app")], python },
    });
    const { data: host } = (await created.json()) as { data: { id: string } };
    await shoot(
      browser,
      `${app.url}/hosts/${host.id}`,
      "host-collecting-light",
      { theme: "light", viewport: DESKTOP, app },
      async (page) => {
        await page.getByRole("button", { name: "Collect now" }).click();
        await expect(page.getByRole("progressbar")).toBeVisible({ timeout: 30_000 });
      },
    );
    fs.rmSync(marker);
  } finally {
    await api.dispose();
    await app.stop();
    temp.remove();
  }
});
