import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import Database, { databaseFileBytes } from "../support/sqlite-database";
import { startApp, type RunningApp } from "../support/app";
import { signedInRequest } from "../support/session";

let app: RunningApp;
let request: APIRequestContext;
test.beforeAll(async () => {
  app = await startApp();
  request = await signedInRequest(app);
});
test.afterAll(async () => {
  await request.dispose();
  await app.stop();
});

const sshHost = (name: string, password: string) => ({
  transport: "ssh",
  name,
  ssh: { user: "deploy", host: "127.0.0.1", port: 2222 },
  auth: { method: "password", password },
  appRoots: ["/opt/lernmanager"],
  serviceUnit: "lernmanager.service",
});

test("bad host input is refused with the field and the reason, and nothing is stored", async () => {
  const cases: [unknown, RegExp][] = [
    [{ transport: "local", name: "laptop", appRoots: ["relative/path"] }, /appRoots\.0: must be an absolute path/],
    [{ transport: "local", name: "bad name!", appRoots: ["/srv"] }, /name: use 1–63 letters/],
    [{ transport: "local", name: "laptop", appRoots: [] }, /appRoots: name at least one --app-root/],
    [{ transport: "ftp", name: "laptop", appRoots: ["/srv"] }, /transport/],
  ];
  for (const [body, message] of cases) {
    const response = await request.post(`${app.url}/api/hosts`, { data: body as object });
    expect(response.status()).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("invalid-input");
    expect(error.message).toMatch(message);
  }
  const malformed = await request.post(`${app.url}/api/hosts`, {
    data: "{not json",
    headers: { "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(422);
  const list = (await (await request.get(`${app.url}/api/hosts`)).json()) as { data: unknown[] };
  expect(list.data).toEqual([]);
});

test("a stored password is encrypted at rest and never returned by the API", async () => {
  const password = "correct horse battery staple";
  const created = await request.post(`${app.url}/api/hosts`, { data: sshHost("vps", password) });
  expect(created.status()).toBe(201);
  const { data } = (await created.json()) as { data: Record<string, unknown> };
  expect(data.hasStoredSecret).toBe(true);
  for (const path of ["/api/hosts", `/api/hosts/${String(data.id)}`, "/api/hosts/vps"]) {
    const text = await (await request.get(`${app.url}${path}`)).text();
    expect(text).not.toContain(password);
    expect(text).not.toContain("secretCipher");
  }
  const db = new Database(app.databaseFile, { readonly: true });
  const row = db.prepare(`SELECT secretCipher FROM Host WHERE name = 'vps'`).get() as { secretCipher: string };
  db.close();
  expect(row.secretCipher).toBeTruthy();
  expect(row.secretCipher).not.toContain(password);
  for (const file of [app.databaseFile, `${app.databaseFile}-wal`].filter((f) => fs.existsSync(f))) {
    expect(databaseFileBytes(file).includes(Buffer.from(password))).toBe(false);
  }
});

test("a second host with the same name is a conflict", async () => {
  const body = { transport: "local", name: "twice", appRoots: ["/srv/app"] };
  expect((await request.post(`${app.url}/api/hosts`, { data: body })).status()).toBe(201);
  const again = await request.post(`${app.url}/api/hosts`, { data: body });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/already exists/);
});

test("an unknown host or snapshot is a 404 with a message", async () => {
  const host = await request.get(`${app.url}/api/hosts/nope`);
  expect(host.status()).toBe(404);
  const snapshot = await request.get(`${app.url}/api/snapshots/nope`);
  expect(((await snapshot.json()) as { error: { code: string } }).error.code).toBe("not-found");
});
