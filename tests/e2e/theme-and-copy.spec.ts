import { expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { ADMIN, signInBrowser } from "../support/session";

let app: RunningApp;
appForTests((started) => (app = started), { users: [ADMIN] });

const isDark = (page: import("@playwright/test").Page) =>
  page.evaluate(() => document.documentElement.classList.contains("dark"));
const bodyBackground = (page: import("@playwright/test").Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("dark mode follows the system until the user picks, and the pick is remembered", async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: "dark" });
  await signInBrowser(context, app);
  const page = await context.newPage();
  await page.goto(app.url);
  expect(await isDark(page)).toBe(true);
  const darkBackground = await bodyBackground(page);

  await page.getByRole("button", { name: "Light mode" }).click();
  expect(await isDark(page)).toBe(false);
  expect(await bodyBackground(page)).not.toBe(darkBackground);
  await page.reload();
  expect(await isDark(page)).toBe(false); // remembered over the system's preference
  await context.close();
});

test("a code block's copy button puts its exact text on the clipboard", async ({ browser }) => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  await signInBrowser(context, app);
  const page = await context.newPage();
  await page.goto(app.url);
  await page.getByRole("button", { name: "Copy code" }).first().click();
  await expect(page.getByRole("button", { name: "Copy code" }).first()).toHaveText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("deploylens collect vps");
  await context.close();
});
