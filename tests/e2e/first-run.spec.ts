import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "../support/free-port";
import { tempDir } from "../support/temp-dir";

const ROOT = path.resolve(import.meta.dirname, "../..");
const temp = tempDir("deploylens-first-run-");
test.afterAll(() => temp.remove());
test.use({ actionTimeout: 20_000 });

// A new user's first minute, through `npm start` itself (scripts/start.mjs), in a real browser.
test("npm start prints each address once, its setup link on that address, and the sign-in page says where it is", async ({
  page,
}) => {
  const port = await freePort();
  const server = spawn(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${path.join(temp.dir, "first.db")}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => /setup\?token=/.test(output), { timeout: 60_000, message: output }).toBe(true);
    const local = /^- Local:\s+(\S+)$/m.exec(output)?.[1];
    await test.step("the banner names each address once", async () => {
      expect(local, output).toBe(`http://127.0.0.1:${port}`);
      expect(output).not.toMatch(new RegExp(`^- Network:\\s+${local}$`, "m"));
    });
    const link = /(\S+)\/setup\?token=([A-Za-z0-9_-]{43})/.exec(output)!;
    await test.step("the setup link uses the host the banner printed", async () => {
      expect(link[1]).toBe(local);
    });
    await test.step("with no account, the sign-in page says so and where the setup link is", async () => {
      await page.goto(`${local}/login`);
      const notice = page.getByTestId("first-run-notice");
      await expect(notice).toContainText("No account exists yet");
      await expect(notice).toContainText("console");
    });
    await test.step("the setup form states the password rule before the first try", async () => {
      await page.goto(link[0]);
      await expect(page.getByText("At least 10 characters")).toBeVisible();
      await page.getByLabel("Name").fill("admin");
      await page.getByLabel("Password").fill("correct horse battery staple");
      await page.getByRole("button", { name: "Create admin" }).click();
      await expect(page.getByTestId("signed-in-as")).toHaveText("admin (admin)", { timeout: 20_000 });
    });
    await test.step("once an account exists, the sign-in page no longer shows the notice", async () => {
      await page.context().clearCookies();
      await page.goto(`${local}/login`);
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
      await expect(page.getByTestId("first-run-notice")).toHaveCount(0);
    });
  } finally {
    server.kill("SIGTERM");
    if (server.exitCode === null) await new Promise((resolve) => server.once("close", resolve));
  }
});
