import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { dashboardPages, seedDashboardStates, type DashboardStates } from "../support/dashboard-states";
import { signInBrowser } from "../support/session";

// Every page in every state that matters, at phone to wide-desktop widths, light and dark, in real Chromium.
const WIDTHS = [390, 768, 1280, 1920] as const;
const THEMES = ["light", "dark"] as const;
const isRoot = process.getuid?.() === 0;
let s: DashboardStates;

test.describe.configure({ timeout: 600_000 });
test.beforeAll(async () => {
  test.setTimeout(300_000);
  if (isRoot) s = await seedDashboardStates();
});
test.afterAll(async () => s?.stop());

async function contextFor(browser: Browser, width: number, theme: (typeof THEMES)[number]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
  await signInBrowser(context, s.app);
  return context;
}

/** Loads a page and waits until every streamed widget has replaced its skeleton. */
async function open(page: Page, path: string) {
  await page.goto(`${s.app.url}${path}`);
  await expect(page.getByTestId("skeleton")).toHaveCount(0, { timeout: 30_000 });
}

test("no page scrolls sideways at 390, 768, 1280 or 1920 px, light or dark", async ({ browser }) => {
  test.skip(!isRoot, "the seed deployment needs root to own its tree");
  const overflowing: string[] = [];
  for (const width of WIDTHS)
    for (const theme of THEMES) {
      const context = await contextFor(browser, width, theme);
      const page = await context.newPage();
      for (const [name, path] of dashboardPages(s)) {
        await open(page, path);
        const { scroll, inner, culprit } = await page.evaluate(() => {
          // The first element past the viewport that no scrolling ancestor clips names the cause in the message.
          const clipped = (el: Element) => {
            for (let a = el.parentElement; a; a = a.parentElement)
              if (getComputedStyle(a).overflowX !== "visible") return true;
            return false;
          };
          const past = [...document.body.querySelectorAll("*")].find(
            (el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !clipped(el),
          );
          const culprit = past ? `${past.tagName.toLowerCase()}.${[...past.classList].join(".")}` : "";
          return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, culprit };
        });
        if (scroll > inner)
          overflowing.push(`${name} at ${width}px ${theme}: scrollWidth ${scroll} > ${inner} (${culprit})`);
      }
      await context.close();
    }
  expect(overflowing).toEqual([]);
});

test("axe finds no serious or critical violation on any page, light or dark", async ({ browser }) => {
  test.skip(!isRoot, "the seed deployment needs root to own its tree");
  const violations: string[] = [];
  for (const theme of THEMES) {
    const context = await contextFor(browser, 1280, theme);
    const page = await context.newPage();
    for (const [name, path] of dashboardPages(s)) {
      await open(page, path);
      // Folded details are part of the page: open them so axe checks what a reader can unfold.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const result = await new AxeBuilder({ page }).analyze();
      for (const v of result.violations)
        if (v.impact === "serious" || v.impact === "critical")
          violations.push(
            `${name} ${theme}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
          );
    }
    await context.close();
  }
  expect(violations).toEqual([]);
});

test("the snapshot page opens with the verdict, then the findings, then folded details", async ({ browser }) => {
  test.skip(!isRoot, "the seed deployment needs root to own its tree");
  const context = await contextFor(browser, 1280, "light");
  const page = await context.newPage();
  await open(page, `/snapshots/${s.snapshots.broken}`);
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toContainText(/\d+ of \d+ startup modules compile at every start \(.* per process start/);
  await expect(verdict).toContainText("because the service user nobody cannot write __pycache__ in");
  await expect(verdict.getByRole("button", { name: "Copy the fix" })).toBeVisible();
  const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
  const [v, f, d] = [await top("[data-testid=verdict]"), await top("[data-finding]"), await top("details")];
  expect(v).toBeLessThan(f);
  expect(f).toBeLessThan(d);
  expect(await page.locator("details[open]").count()).toBe(0);
  // The fix's command never runs under its Copy button.
  const button = (await verdict.getByRole("button", { name: "Copy the fix" }).boundingBox())!;
  const code = (await verdict.locator("pre").boundingBox())!;
  expect(code.y).toBeGreaterThanOrEqual(button.y + button.height);
  await context.close();
});

test("Compare with… puts the row's host on the left and the most recently collected other host on the right", async ({
  browser,
}) => {
  test.skip(!isRoot, "the seed deployment needs root to own its tree");
  const context = await contextFor(browser, 1280, "light");
  const page = await context.newPage();
  await open(page, "/");
  // The never-collected and the failed host offer no comparison; the failed one says why.
  const row = (name: string) => page.getByRole("row").filter({ hasText: name });
  await expect(row("new-host").getByRole("link", { name: "Compare with…" })).toHaveCount(0);
  await expect(row("db-unreachable").getByRole("link", { name: "Compare with…" })).toHaveCount(0);
  await expect(row("db-unreachable")).toContainText("failed: connect-failed");
  await row("laptop-healthy").getByRole("link", { name: "Compare with…" }).click();
  await expect(page).toHaveURL(/left=laptop-healthy&right=vps-broken/);
  await expect(page.getByLabel("Left host")).toHaveValue("laptop-healthy");
  await expect(page.getByLabel("Right host")).toHaveValue("vps-broken");
  await expect(page.getByTestId("verdict-left")).toBeVisible({ timeout: 30_000 });
  await context.close();
});

test("a revoked share link shows a page that says so, in the product's frame, with a 404", async ({ browser }) => {
  test.skip(!isRoot, "the seed deployment needs root to own its tree");
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(`${s.app.url}${s.shares.revoked}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This shared comparison is no longer available");
  await expect(page.getByTestId("share-unavailable")).toContainText("revoked or it expired");
  await context.close();
});

test("a search that matches no file says so in one line", async ({ browser }) => {
  test.skip(!isRoot, "the seed deployment needs root to own its tree");
  const context = await contextFor(browser, 390, "light");
  const page = await context.newPage();
  await open(page, `/snapshots/${s.snapshots.broken}`);
  await page.getByLabel("Search files").fill("no-such-module-anywhere");
  const empty = page.getByTestId("no-file-matches");
  await expect(empty).toHaveText("No file matches.");
  const box = (await empty.boundingBox())!;
  const lineHeight = await empty.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect(box.height).toBeLessThan(lineHeight * 2 + 16);
  await context.close();
});
