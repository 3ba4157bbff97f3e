import { expect, test, type APIRequestContext } from "@playwright/test";
import type { RunningApp } from "../support/app";
import { signedInAppForTests } from "../support/app-for-tests";
import { collectLocalHost } from "../support/collect-local";
import { twoLayoutApps } from "../support/fixtures/two-layout-apps";
import { rawRequest } from "../support/raw-http";
import { ADMIN, addUser, sessionHeaders, signIn, type TestUser } from "../support/session";
import { tempDir } from "../support/temp-dir";

// A public link may be revoked by whoever made it, and by an admin; the audit names both people.
const temp = tempDir("deploylens-e2e-share-revoke-");
const VIEWERS: TestUser[] = [
  { name: "vera", role: "viewer", password: "vera's long password" },
  { name: "walt", role: "viewer", password: "walt's long password" },
];
let app: RunningApp;
let admin: APIRequestContext;
let snapshotId = "";
signedInAppForTests(
  async (running) => {
    ({ app, request: admin } = running);
    for (const viewer of VIEWERS) await addUser(app, viewer);
    const { laptopRoot, python } = twoLayoutApps(temp.dir, ["models"]);
    ({ snapshotId } = await collectLocalHost(app, admin, { name: "laptop", appRoot: laptopRoot, python }));
  },
  {
    before: () => test.setTimeout(120_000),
    after: () => temp.remove(),
  },
);

async function as(user: TestUser, method: string, path: string, body?: object) {
  const response = await rawRequest(`${app.url}${path}`, {
    method,
    headers: { ...sessionHeaders(app, await signIn(app, user)), "content-type": "application/json" },
    body: body && JSON.stringify(body),
  });
  return { status: response.status, body: JSON.parse(response.body) as Record<string, unknown> };
}

const share = async (user: TestUser) => {
  const created = await as(user, "POST", "/api/shares", { left: snapshotId, right: snapshotId });
  expect(created.status).toBe(201);
  const { id, url } = created.body.data as { id: string; url: string };
  return { id, url };
};

test("a viewer cannot revoke another's link; its maker and an admin can, and the audit names both", async () => {
  const [vera, walt] = VIEWERS as [TestUser, TestUser];
  const veras = await share(vera);
  const refused = await as(walt, "DELETE", `/api/shares/${veras.id}`);
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ error: { code: "role-required" } });
  expect((await rawRequest(`${app.url}${veras.url}`)).status).toBe(200);

  const own = await as(vera, "DELETE", `/api/shares/${veras.id}`);
  expect(own.status).toBe(200);
  expect(own.body).toMatchObject({ data: { id: veras.id, state: "revoked" } });
  expect((await rawRequest(`${app.url}${veras.url}`)).status).toBe(404);

  const walts = await share(walt);
  const byAdmin = await as(ADMIN, "DELETE", `/api/shares/${walts.id}`);
  expect(byAdmin.status).toBe(200);
  expect((await rawRequest(`${app.url}${walts.url}`)).status).toBe(404);

  const audit = await as(ADMIN, "GET", "/api/audit?limit=200");
  const revoked = (audit.body.data as { events: Record<string, unknown>[] }).events.filter(
    (e) => e.action === "share-revoked",
  );
  expect(revoked).toEqual([
    expect.objectContaining({
      actor: ADMIN.name,
      object: { type: "share", id: walts.id },
      detail: { createdBy: "walt" },
    }),
    expect.objectContaining({ actor: "vera", object: { type: "share", id: veras.id }, detail: { createdBy: "vera" } }),
  ]);
});
