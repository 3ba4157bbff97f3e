import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { openCollectedSnapshot, useSignedInApp } from "../support/snapshot-page";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-e2e-first-screen-");
let app: RunningApp;
let request: APIRequestContext;
const appRoot = path.join(temp.dir, "app");
// A venv without pip: its site-packages is empty, so the app's sources are all the snapshot holds.
const python = path.join(temp.dir, "venv", "bin", "python3");

/** 300 sources, mod000.py … mod299.py in one package: more than the first screen, less than one page. */
function buildTree() {
  const script = `
import os, sys
d = os.path.join(sys.argv[1], "pkg")
os.makedirs(d)
for m in range(300):
    open(os.path.join(d, "mod%03d.py" % m), "w").write("X = %d\\n" % m)
`;
  execFileSync("python3", ["-c", script, appRoot]);
  execFileSync("/usr/bin/python3", ["-m", "venv", "--without-pip", path.join(temp.dir, "venv")]);
}

useSignedInApp(temp, buildTree, (started, signedIn) => {
  app = started;
  request = signedIn;
});

test("the file table's first screen is in the page's HTML; the rest of its first page comes after hydration", async ({
  page,
  browser,
}) => {
  await openCollectedSnapshot(page, app, request, {
    transport: "local",
    name: "first-screen",
    appRoots: [appRoot],
    python,
    measureStartup: false,
  });
  const table = page.getByRole("table", { name: "Files" });
  await expect(page.getByText("300 files")).toBeVisible();

  await test.step("before the page's scripts load, the first rows are already there", async () => {
    const context = await browser.newContext({ storageState: await page.context().storageState() });
    const plain = await context.newPage();
    // The page's own bundles never arrive: only the HTML and its inline streaming scripts run.
    await plain.route("**/_next/static/**/*.js", (route) => route.abort());
    await plain.goto(page.url());
    const rows = plain.getByRole("table", { name: "Files" });
    await expect(rows.getByRole("cell", { name: "pkg/mod000.py" })).toBeVisible();
    await expect(rows.getByRole("cell", { name: "pkg/mod015.py" })).toBeVisible();
    expect(await plain.content()).not.toContain("pkg/mod299.py");
    await context.close();
  });

  await test.step("scrolling past the server's rows shows the rest of the first page", async () => {
    await page.getByTestId("file-scroller").evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(table.getByRole("cell", { name: "pkg/mod299.py" })).toBeVisible();
    await page.getByTestId("file-scroller").evaluate((el) => el.scrollTo(0, 0));
    await expect(table.getByRole("cell", { name: "pkg/mod000.py" })).toBeVisible();
  });

  await test.step("a filter ticked before the page's scripts run applies once they run", async () => {
    const context = await browser.newContext({ storageState: await page.context().storageState() });
    const early = await context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await early.route("**/_next/static/**/*.js", async (route) => {
      await held;
      await route.continue();
    });
    await early.goto(page.url(), { waitUntil: "commit" });
    // Every source of this tree is without bytecode: "fresh" leaves none.
    await early.getByRole("checkbox", { name: "fresh" }).check();
    release();
    await expect(early.getByTestId("no-file-matches")).toBeVisible();
    await expect(early).toHaveURL(/[?&]status=fresh(&|$)/);
    await expect(early.getByRole("checkbox", { name: "fresh" })).toBeChecked();
    await context.close();
  });
});
