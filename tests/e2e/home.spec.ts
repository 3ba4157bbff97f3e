import { expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { ADMIN, signInBrowser } from "../support/session";

let app: RunningApp;
appForTests((started) => (app = started), { users: [ADMIN] });

test("a newcomer's home page renders without console errors and says what to do next", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await signInBrowser(page.context(), app);

  await test.step("open the dashboard", async () => {
    const response = await page.goto(app.url);
    expect(response?.status()).toBe(200);
  });
  await test.step("see the first step", async () => {
    await expect(page.getByRole("heading", { name: "Add your first host" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Add a host" })).toHaveAttribute("href", "/hosts/new");
    await expect(page.getByText("deploylens collect vps")).toBeVisible();
  });
  await test.step("the add-host form opens", async () => {
    await page.getByRole("link", { name: "Add a host" }).click();
    await expect(page.getByRole("heading", { name: "Add a host" })).toBeVisible();
  });
  expect(problems).toEqual([]);
});
