import { expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { ADMIN, type TestUser } from "../support/session";

let app: RunningApp;
const OTHER: TestUser = { name: "olga", role: "viewer", password: "olga's password" };
appForTests((started) => (app = started), {
  // The tests stand in for a reverse proxy on loopback, so the server reads X-Forwarded-For from them.
  start: { env: { DEPLOYLENS_TRUSTED_PROXIES: "127.0.0.1" } },
  users: [ADMIN, OTHER],
});

// X-Forwarded-For stands for the address a trusted reverse proxy in front of DeployLens reports (docs/security.md).
const attempt = (name: string, password: string, address: string) =>
  fetch(`${app.url}/api/session`, {
    method: "POST",
    headers: { origin: app.url, "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ name, password }),
  });

test("10 failed sign-ins for one account, from anywhere, lock it for 10 minutes with 429 and Retry-After", async () => {
  for (let i = 0; i < 10; i++) expect((await attempt(ADMIN.name, `guess ${i}`, `10.0.0.${i + 1}`)).status).toBe(401);
  const locked = await attempt(ADMIN.name, ADMIN.password, "10.0.1.1");
  expect(locked.status).toBe(429);
  const retryAfter = Number(locked.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(500);
  expect(retryAfter).toBeLessThanOrEqual(600);
  expect(locked.headers.get("set-cookie")).toBeNull();
  // Another account is not affected.
  expect((await attempt(OTHER.name, OTHER.password, "10.0.1.1")).status).toBe(200);
});

test("10 failed sign-ins from one address, whatever the names, lock that address", async () => {
  for (let i = 0; i < 10; i++) expect((await attempt(`nobody${i}`, "guess", "10.9.9.9")).status).toBe(401);
  const locked = await attempt(OTHER.name, OTHER.password, "10.9.9.9");
  expect(locked.status).toBe(429);
  expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await attempt(OTHER.name, OTHER.password, "10.9.9.10")).status).toBe(200);
});
