import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";

const PUBLIC = path.resolve(import.meta.dirname, "../../public");
let app: RunningApp;
appForTests((started) => (app = started));

test("robots.txt from public/ keeps search engines out of every page", async ({ request }) => {
  const response = await request.get(`${app.url}/robots.txt`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/plain");
  const text = await response.text();
  expect(text).toBe(fs.readFileSync(path.join(PUBLIC, "robots.txt"), "utf8"));
  expect(text).toMatch(/^User-agent: \*$/m);
  expect(text).toMatch(/^Disallow: \/$/m);
});

test("the app icon is served from public/ and named by every page", async ({ page, request }) => {
  const icon = await request.get(`${app.url}/icon.svg`);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toBe(fs.readFileSync(path.join(PUBLIC, "icon.svg"), "utf8"));
  await page.goto(app.url);
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute("href", "/icon.svg");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
});
