import { expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { ADMIN, signIn, signedInRequest, signInBrowser } from "../support/session";

// Users and roles managed from Settings by an admin, as `deploylens users …` does, in real Chromium.
let app: RunningApp;
appForTests((started) => (app = started), { users: [ADMIN] });

test("an admin adds a user, changes the role, resets the password and removes the user", async ({ browser }) => {
  const context = await browser.newContext();
  await signInBrowser(context, app);
  const page = await context.newPage();
  await page.goto(`${app.url}/settings`);
  const form = page.getByRole("form", { name: "Add a user" });
  const password = "a long first password";

  await test.step("add", async () => {
    await form.getByLabel("Name").fill("dana");
    await form.getByLabel("Role").selectOption("viewer");
    await form.getByLabel(/^Password/).fill(password);
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByRole("status")).toHaveText("Added dana.");
    await expect(page.locator("tr[data-user=dana]")).toBeVisible();
    await signIn(app, { name: "dana", password });
  });

  const row = page.locator("tr[data-user=dana]");
  await test.step("change the role", async () => {
    await row.getByLabel("Role of dana").selectOption("operator");
    await expect(row.getByRole("status")).toHaveText("dana is now operator.");
    const api = await signedInRequest(app, ADMIN, { create: false });
    const users = (await (await api.get(`${app.url}/api/users`)).json()) as { data: { name: string; role: string }[] };
    expect(users.data.find((u) => u.name === "dana")?.role).toBe("operator");
    await api.dispose();
  });

  await test.step("reset the password: the old one stops working", async () => {
    await row.getByRole("button", { name: "Reset password…" }).click();
    await row.getByLabel("New password for dana").fill("a brand new password");
    await row.getByRole("button", { name: "Set password" }).click();
    await expect(row.getByRole("status")).toHaveText("Password reset.");
    await expect(signIn(app, { name: "dana", password })).rejects.toThrow(/answered 401/);
    await signIn(app, { name: "dana", password: "a brand new password" });
  });

  await test.step("remove, after a confirmation", async () => {
    await row.getByRole("button", { name: "Remove user…" }).click();
    await row.getByRole("button", { name: "Yes, remove user" }).click();
    await expect(page.locator("tr[data-user=dana]")).toHaveCount(0);
  });

  await test.step("the admin's own row offers no removal and no role change", async () => {
    const own = page.locator("tr[data-user=admin]");
    await expect(own.getByRole("button", { name: "Remove user…" })).toHaveCount(0);
    await expect(own.getByLabel("Role of admin")).toBeDisabled();
  });
  await context.close();
});

test("the users API is for admins, and refuses an admin's own removal or demotion", async () => {
  const api = await signedInRequest(app, ADMIN, { create: false });
  expect((await api.delete(`${app.url}/api/users/admin`)).status()).toBe(409);
  expect((await api.patch(`${app.url}/api/users/admin`, { data: { role: "viewer" } })).status()).toBe(409);
  const viewer = await signedInRequest(app, { name: "vic", role: "viewer", password: "viewer password 1" });
  expect((await viewer.get(`${app.url}/api/users`)).status()).toBe(403);
  expect(
    (
      await viewer.post(`${app.url}/api/users`, { data: { name: "x", role: "admin", password: "0123456789" } })
    ).status(),
  ).toBe(403);
  await Promise.all([api.dispose(), viewer.dispose()]);
});
