import type { Page } from "playwright-core";
import type { RunningApp } from "../../support/app";
import { signInBrowser } from "../../support/session";
import { launchBrowser } from "../../support/browser";
import type { RenderRun } from "./render-data";

// The table is found by its accessible name and roles (what the e2e spec relies on too), not by its markup.
const TABLE = '[role="table"][aria-label="Files"], table[aria-label="Files"]';

/** performance.now() once the table holds a row whose cell is a source path (and, given `only`, that row alone). */
function tableShows(page: Page, only: string | null): Promise<number> {
  return page
    .waitForFunction(
      ({ selector, only }) => {
        const table = document.querySelector(selector);
        if (!table) return false;
        const rows = [...table.querySelectorAll('[role="row"], tr')].filter((row) =>
          [...row.querySelectorAll('[role="cell"], td')].some((cell) => /\.py$/.test(cell.textContent?.trim() ?? "")),
        );
        if (only === null) return rows.length > 0 ? performance.now() : false;
        return rows.length === 1 && rows[0]!.textContent!.includes(only) ? performance.now() : false;
      },
      { selector: TABLE, only },
      { polling: "raf", timeout: 120_000 },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

const rowCount = (page: Page) =>
  page.evaluate(
    (selector) => document.querySelector(selector)?.querySelectorAll('[role="row"], tr').length ?? 0,
    TABLE,
  );

/** Scrolls the table's scrolling box to its end and waits for rows there to have arrived. */
async function scrollToEnd(page: Page): Promise<void> {
  await page.evaluate((selector) => {
    const table = document.querySelector(selector)!;
    const boxes = [table, ...table.querySelectorAll("*")].filter((el) => el.scrollHeight > el.clientHeight + 1);
    for (const box of boxes) box.scrollTo(0, box.scrollHeight);
  }, TABLE);
  await page.waitForTimeout(300);
  await tableShows(page, null);
}

/** Loads the snapshot page `runs` times, each in a fresh signed-in browser context (nothing cached). */
export async function snapshotPageRuns(app: RunningApp, snapshotId: string, query: string, runs: number) {
  const browser = await launchBrowser();
  const results: RenderRun[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      // Playwright's test types and playwright-core's are the same classes.
      await signInBrowser(context as unknown as Parameters<typeof signInBrowser>[0], app);
      const page = await context.newPage();
      await page.goto(`${app.url}/snapshots/${snapshotId}`, { waitUntil: "commit" });
      const firstRowMs = await tableShows(page, null);
      let domRows = await rowCount(page);
      await scrollToEnd(page);
      domRows = Math.max(domRows, await rowCount(page));
      const typed = await page.evaluate(() => performance.now());
      await page.getByLabel("Search files").fill(query);
      const searchMs = (await tableShows(page, query)) - typed;
      results.push({ firstRowMs, domRows, searchMs });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}
