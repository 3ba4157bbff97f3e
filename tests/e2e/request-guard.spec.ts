import { expect, test } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { appForTests } from "../support/app-for-tests";
import { rawRequest } from "../support/raw-http";
import { ADMIN, sessionHeaders, signIn } from "../support/session";

let app: RunningApp;
let session: Record<string, string>;
appForTests(
  async (started) => {
    app = started;
    session = sessionHeaders(app, await signIn(app));
  },
  { start: { env: { DEPLOYLENS_ORIGINS: "https://lens.example.com" } }, users: [ADMIN] },
);

const host = { transport: "local", name: "planted", appRoots: ["/srv/app"] };
const hostCount = async () => {
  const response = await rawRequest(`${app.url}/api/hosts`, { headers: session });
  return (JSON.parse(response.body) as { data: unknown[] }).data.length;
};

test("a Host the server does not serve is refused with 421, for pages, the API and static files", async () => {
  const port = new URL(app.url).port;
  for (const path of ["/", "/api/hosts", "/login", "/robots.txt"]) {
    const rebinding = await rawRequest(`${app.url}${path}`, { headers: { ...session, host: `evil.example:${port}` } });
    expect(rebinding.status, path).toBe(421);
    expect(rebinding.body).not.toContain("planted");
  }
  expect((await rawRequest(`${app.url}/api/hosts`, { headers: { ...session, host: "127.0.0.1:1" } })).status).toBe(421);
  expect(
    (await rawRequest(`${app.url}/api/hosts`, { headers: { ...session, host: `localhost:${port}` } })).status,
  ).toBe(200);
  expect((await rawRequest(`${app.url}/api/hosts`, { headers: { ...session, host: "lens.example.com" } })).status).toBe(
    200,
  );
});

test("a cross-site or non-JSON write is refused and changes nothing", async () => {
  const cases: [Record<string, string>, number][] = [
    [{ origin: "https://evil.example", "content-type": "application/json" }, 403],
    [{ "sec-fetch-site": "cross-site", "content-type": "application/json" }, 403],
    [{ "content-type": "application/json" }, 403], // neither Origin nor Sec-Fetch-Site
    [{ origin: app.url, "content-type": "text/plain" }, 415], // what a cross-site form could send without preflight
    [{ origin: app.url }, 415],
  ];
  for (const [headers, status] of cases) {
    const { origin: _origin, ...withoutOrigin } = session;
    const response = await rawRequest(`${app.url}/api/hosts`, {
      method: "POST",
      headers: { ...withoutOrigin, ...headers },
      body: JSON.stringify(host),
    });
    expect(response.status, JSON.stringify(headers)).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ error: { code: expect.any(String) } });
  }
  // Signing in is a write too: a cross-site login form cannot plant a session.
  const login = await rawRequest(`${app.url}/api/session`, {
    method: "POST",
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    body: JSON.stringify({ name: ADMIN.name, password: ADMIN.password }),
  });
  expect(login.status).toBe(403);
  expect(login.headers["set-cookie"]).toBeUndefined();
  expect(await hostCount()).toBe(0);
  const same = await rawRequest(`${app.url}/api/hosts`, {
    method: "POST",
    headers: { ...session, "content-type": "application/json" },
    body: JSON.stringify(host),
  });
  expect(same.status).toBe(201);
  expect(await hostCount()).toBe(1);
});

test("a Next-Action header does not excuse a route handler's write from being JSON", async () => {
  const before = await hostCount();
  for (const contentType of ["text/plain", "text/plain;charset=UTF-8", "multipart/form-data; boundary=x"]) {
    for (const path of ["/api/hosts", "/api/shares", "/api/session"]) {
      const response = await rawRequest(`${app.url}${path}`, {
        method: "POST",
        headers: { ...session, "next-action": "x", "content-type": contentType },
        body: JSON.stringify(host),
      });
      expect(response.status, `${path} ${contentType}`).toBe(415);
      expect(JSON.parse(response.body)).toMatchObject({ error: { code: "unsupported-media-type" } });
    }
  }
  const hostId = "planted";
  const removal = await rawRequest(`${app.url}/api/hosts/${hostId}`, {
    method: "DELETE",
    headers: { ...session, "next-action": "x", "content-type": "text/plain" },
  });
  expect(removal.status).toBe(415);
  expect(await hostCount()).toBe(before);
});

test("without a session the API answers 401 and pages redirect to /login?next=…", async () => {
  const api = await rawRequest(`${app.url}/api/hosts`);
  expect(api.status).toBe(401);
  expect(JSON.parse(api.body)).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
  const forged = await rawRequest(`${app.url}/api/hosts`, { headers: { cookie: "deploylens_session=forged" } });
  expect(forged.status).toBe(401);
  const page = await rawRequest(`${app.url}/compare?left=a&right=b`);
  expect(page.status).toBe(307);
  expect(page.headers.location).toMatch(
    new RegExp(`^(${app.url})?/login\\?next=${encodeURIComponent("/compare?left=a&right=b")}$`),
  );
  const forgedPage = await rawRequest(`${app.url}/hosts/x`, { headers: { cookie: "deploylens_session=forged" } });
  expect([303, 307]).toContain(forgedPage.status);
  expect(forgedPage.headers.location).toMatch(/\/login\?next=%2Fhosts%2Fx/);
  for (const open of ["/login", "/robots.txt", "/icon.svg"]) {
    expect((await rawRequest(`${app.url}${open}`)).status, open).not.toBe(307);
  }
});
