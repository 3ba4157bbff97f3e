import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { signedInAppForTests } from "../support/app-for-tests";
import { ADMIN, sessionHeaders, signIn, signInBrowser, signedInRequest } from "../support/session";
import { packageApp } from "../support/fixtures/package-app";
import { tempDir } from "../support/temp-dir";

// A small real app on this machine: three compiled modules and a unit file the collector reads.
const temp = tempDir("deploylens-e2e-host-page-");
let app: RunningApp;
let request: APIRequestContext;
let hostId = "";
const appRoot = path.join(temp.dir, "srv", "blog");
const unitFile = path.join(temp.dir, "blog.service");

/** Starts a collection through the API and waits for its last Server-Sent Event: the stored snapshot's id. */
async function collect(): Promise<string> {
  // A fresh client each time: a kept-alive socket idle for a whole collection may be closed by the server.
  const client = await signedInRequest(app, ADMIN, { create: false });
  const started = await client.post(`${app.url}/api/hosts/${hostId}/snapshots`);
  expect(started.status()).toBe(202);
  const { data: job } = (await started.json()) as { data: { events: string } };
  await client.dispose();
  const stream = await fetch(`${app.url}${job.events}`, { headers: sessionHeaders(app, await signIn(app, ADMIN)) });
  const events = [...(await stream.text()).matchAll(/event: (\w+)\ndata: (.*)\n/g)];
  const [, name, data] = events.at(-1)!;
  expect(name).toBe("snapshot");
  const result = JSON.parse(data!) as { ok: boolean; snapshotId: string };
  expect(result.ok).toBe(true);
  return result.snapshotId;
}

signedInAppForTests(
  async (running) => {
    ({ app, request } = running);
    const created = await request.post(`${app.url}/api/hosts`, {
      data: { transport: "local", name: "blog", appRoots: [appRoot], serviceUnit: "blog.service", unitFile },
    });
    hostId = ((await created.json()) as { data: { id: string } }).data.id;
  },
  {
    before: () => packageApp(appRoot, unitFile, "blog", ["__init__", "__main__", "posts"]),
    after: () => temp.remove(),
  },
);

test("host list sparkline, history chart points that open their snapshot, and a paginated snapshot list", async ({
  page,
}) => {
  await signInBrowser(page.context(), app);
  const first = await collect();
  // A service configuration change between collections: the chart marks it.
  fs.mkdirSync(`${unitFile}.d`, { recursive: true });
  fs.writeFileSync(path.join(`${unitFile}.d`, "env.conf"), "[Service]\nEnvironment=LANG=C.UTF-8\n");
  const second = await collect();
  const third = await collect();

  await test.step("the host list draws a sparkline and offers a comparison", async () => {
    await page.goto(app.url);
    const row = page.getByRole("row").filter({ hasText: "blog" });
    await expect(row.getByTestId("sparkline")).toBeVisible();
    await expect(row.getByTestId("sparkline").locator("polyline")).toHaveAttribute("points", /(\S+ ){2}\S+/);
    await expect(row.getByRole("link", { name: "Compare with…" })).toHaveAttribute("href", "/compare?left=blog");
  });

  await test.step("the history chart marks the change, and clicking a point opens that snapshot", async () => {
    await page.goto(`${app.url}/hosts/${hostId}`);
    const chart = page.getByTestId("history-chart");
    await expect(chart.getByText("config changed")).toBeVisible();
    const points = chart.getByRole("link", { name: /Open snapshot/ });
    await expect(points).toHaveCount(3);
    await points.first().click();
    await expect(page).toHaveURL(`${app.url}/snapshots/${first}`);
  });

  await test.step("more snapshots than a page: the list is paginated through the URL", async () => {
    await page.goto(`${app.url}/hosts/${hostId}?per=2`);
    const pages = page.getByRole("navigation", { name: "Snapshot pages" });
    await expect(pages).toContainText("Page 1 of 2");
    const listLinks = page.getByRole("table").first().getByRole("link");
    await expect(listLinks).toHaveCount(2);
    await expect(page.locator(`table a[href="/snapshots/${third}"]`)).toHaveCount(1);
    await pages.getByRole("link", { name: "Older" }).click();
    await expect(page).toHaveURL(`${app.url}/hosts/${hostId}?page=2&per=2`);
    await expect(page.getByRole("navigation", { name: "Snapshot pages" })).toContainText("Page 2 of 2");
    await expect(listLinks).toHaveCount(1);
    await expect(page.locator(`table a[href="/snapshots/${first}"]`)).toHaveCount(1);
    expect(second).not.toBe(first);
  });
});
