import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { observedApp, startAsNobody, type ObservedApp } from "../support/fixtures/observed-app";
import type { RunningApp } from "../support/app";
import { signedInAppForTests } from "../support/app-for-tests";
import { signInBrowser } from "../support/session";

// The host page's "Observe next start": armed, the user starts the service, the start is shown; the next
// collection's headline is the observed closure, labelled as such on the snapshot page.
let app: RunningApp;
let request: APIRequestContext;
let target: ObservedApp;

signedInAppForTests((running) => ({ app, request } = running), {
  before: () => {
    target = observedApp();
  },
  after: () => target.remove(),
});

const snapshotLinks = (page: Page) => page.getByRole("table").first().getByRole("link");

test("observe the next start from the host page, then see the observed closure counted", async ({ page }) => {
  test.skip(process.getuid?.() !== 0, "starts the app as nobody with setpriv");
  await signInBrowser(page.context(), app);
  const created = await request.post(`${app.url}/api/hosts`, {
    data: {
      transport: "local",
      name: "observed",
      appRoots: [target.app],
      python: target.python,
      serviceUser: "nobody",
      entryPoints: ["webapp"],
      measureStartup: false,
    },
  });
  const { data: host } = (await created.json()) as { data: { id: string } };
  await page.goto(`${app.url}/hosts/${host.id}`);

  await test.step("collect once: the static closure", async () => {
    await page.getByRole("button", { name: "Collect now" }).click();
    await expect(snapshotLinks(page)).toHaveCount(1, { timeout: 60_000 });
  });

  await test.step("observe: armed, then the start", async () => {
    await page.getByRole("button", { name: "Observe next start" }).click();
    await expect(page.getByTestId("observe-status")).toContainText("start the service now", { timeout: 60_000 });
    startAsNobody(target);
    await expect(page.getByTestId("observe-status")).toContainText("Observed start:", { timeout: 60_000 });
    await expect(page.getByTestId("observe-status")).toContainText("the static closure missed");
  });

  await test.step("collect again: the snapshot counts the observed closure", async () => {
    await page.getByRole("button", { name: "Collect now" }).click();
    await expect(snapshotLinks(page)).toHaveCount(2, { timeout: 60_000 });
    await snapshotLinks(page).first().click();
    await expect(page.getByTestId("startup-origin")).toHaveText("Observed at a real start of the service");
    await expect(page.getByTestId("identity-note")).toHaveCount(0);
  });
});
