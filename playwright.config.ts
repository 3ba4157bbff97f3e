import { defineConfig } from "@playwright/test";
import { CHROMIUM_LAUNCH_OPTIONS } from "./tests/support/browser";
import { pathWithRealPython } from "./tests/support/python-on-path.mjs";

// Set before the workers start, so the app servers they start (and their local collections) inherit it.
process.env.PATH = pathWithRealPython();

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  timeout: 60_000,
  workers: 1,
  globalSetup: "./tests/support/e2e-global-setup.ts",
  use: {
    browserName: "chromium",
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    screenshot: "only-on-failure",
    trace: "off",
  },
});
