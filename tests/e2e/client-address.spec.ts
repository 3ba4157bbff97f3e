import { expect, test } from "@playwright/test";
import { startApp, type RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { rawRequest } from "../support/raw-http";
import { ADMIN, sessionHeaders, signIn } from "../support/session";

// The address throttles and the audit log use is the socket's peer, unless DEPLOYLENS_TRUSTED_PROXIES
// names that peer; then the right-most address X-Forwarded-For holds that is not a trusted proxy.
const SVG = "<svg onload=alert(1)>";

type AuditView = { action: string; address: string | null; object: { id: string } | null };
async function auditAddresses(app: RunningApp, action: string): Promise<(string | null)[]> {
  const response = await rawRequest(`${app.url}/api/audit?limit=200`, {
    headers: sessionHeaders(app, await signIn(app)),
  });
  const { data } = JSON.parse(response.body) as { data: { events: AuditView[] } };
  return data.events.filter((e) => e.action === action).map((e) => e.address);
}

const signInWith = (app: RunningApp, name: string, password: string, headers: Record<string, string>) =>
  rawRequest(`${app.url}/api/session`, {
    method: "POST",
    headers: { origin: app.url, "content-type": "application/json", ...headers },
    body: JSON.stringify({ name, password }),
  });

test.describe("with no trusted proxy", () => {
  let app: RunningApp;
  appForTests((started) => (app = started), { users: [ADMIN] });

  test("what the client writes in X-Forwarded-For or x-deploylens-peer is never recorded", async () => {
    const forged = { "x-forwarded-for": SVG, "x-deploylens-peer": "198.51.100.1" };
    expect((await signInWith(app, ADMIN.name, ADMIN.password, forged)).status).toBe(200);
    expect((await signInWith(app, "mallory", "guess", forged)).status).toBe(401);
    expect(await auditAddresses(app, "sign-in-failed")).toEqual(["127.0.0.1"]);
    expect((await auditAddresses(app, "sign-in")).every((a) => a === "127.0.0.1")).toBe(true);
  });

  test("a new X-Forwarded-For on every request does not get past the per-address limit", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const response = await signInWith(app, `nobody${i}`, "guess", { "x-forwarded-for": `10.1.0.${i + 1}` });
      statuses.push(response.status);
    }
    // One failure was already recorded from this address by the test above.
    expect(statuses).toEqual([...Array(9).fill(401), ...Array(5).fill(429)]);
  });
});

test.describe("behind a trusted proxy", () => {
  let app: RunningApp;
  appForTests((started) => (app = started), {
    start: { env: { DEPLOYLENS_TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1" } },
    users: [ADMIN],
  });

  test("the caller is the right-most address that is not a trusted proxy, and only a valid IP is recorded", async () => {
    const cases: [string, string][] = [
      ["198.51.100.7", "198.51.100.7"],
      ["203.0.113.1, 198.51.100.8, 10.2.3.4", "198.51.100.8"], // the client's own first entry is not believed
      [`${SVG}, 198.51.100.9`, "198.51.100.9"],
      [`198.51.100.10, ${SVG}`, "127.0.0.1"], // garbage where a proxy would have written: the proxy is the caller
      ["::ffff:198.51.100.11", "198.51.100.11"],
      ["2001:db8::1", "2001:db8::1"],
    ];
    for (const [forwarded] of cases)
      expect((await signInWith(app, "mallory", "guess", { "x-forwarded-for": forwarded })).status).toBe(401);
    const recorded = (await auditAddresses(app, "sign-in-failed")).reverse();
    expect(recorded).toEqual(cases.map(([, address]) => address));
  });
});

test("a DEPLOYLENS_TRUSTED_PROXIES entry that is not an address or range stops the server at start", async () => {
  const failure = await startApp({ env: { DEPLOYLENS_TRUSTED_PROXIES: "127.0.0.1, proxy.local" } }).then(
    async (running) => (await running.stop(), null),
    (error: unknown) => String(error),
  );
  expect(failure).toMatch(/refusing to start\. DEPLOYLENS_TRUSTED_PROXIES: "proxy\.local" is not an IP address/);
});
