import path from "node:path";
import { defineConfig } from "vitest/config";
import { pathWithRealPython } from "./tests/support/python-on-path.mjs";

// Set before any worker starts, so every test, CLI run and local collection inherits it.
process.env.PATH = pathWithRealPython();

const shared = {
  alias: {
    "@": path.resolve(import.meta.dirname),
    // Next resolves server-only to an empty module on the server; tests run server code directly.
    "server-only": path.resolve(import.meta.dirname, "tests/support/server-only.ts"),
  },
};

export default defineConfig({
  resolve: shared,
  test: {
    projects: [
      { resolve: shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      {
        resolve: shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Integration files start their own sshd / app servers; two cores run two files at once.
          maxWorkers: 2,
        },
      },
    ],
  },
});
