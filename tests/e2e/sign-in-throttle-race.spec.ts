import { expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { type TestUser } from "../support/session";

// Parallel wrong passwords over real HTTP: 401 means the password was checked, 429 that the throttle
// stopped the attempt first. However many arrive at once, at most 10 get a check.
let app: RunningApp;
const LIMIT = 10;
const users: TestUser[] = ["rita", "sam", "tom"].map((name) => ({
  name,
  role: "viewer",
  password: `${name}'s password`,
}));
appForTests((started) => (app = started), {
  // Loopback stands for a trusted reverse proxy, so each request can come from its own address and
  // only the limit under test (per account or per address) applies.
  start: { env: { DEPLOYLENS_TRUSTED_PROXIES: "127.0.0.1" } },
  users,
});

async function attempt(name: string, address: string): Promise<number> {
  const response = await fetch(`${app.url}/api/session`, {
    method: "POST",
    headers: { origin: app.url, "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify({ name, password: "a wrong guess" }),
  });
  await response.arrayBuffer();
  return response.status;
}

function tally(statuses: number[]) {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return Object.fromEntries(counts);
}

for (const parallel of [60, 150]) {
  test(`${parallel} parallel wrong passwords for one account get ${LIMIT} password checks, the rest 429`, async () => {
    test.setTimeout(120_000);
    const user = users[parallel === 60 ? 0 : 1]!;
    const statuses = await Promise.all(
      Array.from({ length: parallel }, (_, i) => attempt(user.name, `198.51.${parallel}.${i + 1}`)),
    );
    expect(tally(statuses)).toEqual({ 401: LIMIT, 429: parallel - LIMIT });
  });
}

test(`60 parallel wrong sign-ins from one address, for many names, get ${LIMIT} password checks`, async () => {
  test.setTimeout(120_000);
  const statuses = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(`nobody${i}`, "203.0.113.77")));
  expect(tally(statuses)).toEqual({ 401: LIMIT, 429: 60 - LIMIT });
  // The right password of an untouched account from another address still works.
  const ok = await fetch(`${app.url}/api/session`, {
    method: "POST",
    headers: { origin: app.url, "content-type": "application/json", "x-forwarded-for": "203.0.113.78" },
    body: JSON.stringify({ name: users[2]!.name, password: users[2]!.password }),
  });
  expect(ok.status).toBe(200);
});
