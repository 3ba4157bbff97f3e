import fs from "node:fs";
import path from "node:path";
import Database from "../support/sqlite-database";
import { expect, test } from "@playwright/test";
import { startApp } from "../support/app";
import { ADMIN, addUser, sessionHeaders, signIn } from "../support/session";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-e2e-restart-");
test.afterAll(() => temp.remove());

const jobStates = (databaseFile: string) => {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare(`SELECT id, state FROM CollectionJob ORDER BY createdAt`).all() as {
      id: string;
      state: string;
    }[];
  } finally {
    db.close();
  }
};

async function until<T>(probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("a collection cut short by a server restart is marked interrupted, and the next one succeeds", async () => {
  test.setTimeout(240_000);
  const databaseFile = path.join(temp.dir, "restart.db");
  const appRoot = path.join(temp.dir, "app");
  fs.mkdirSync(path.join(appRoot, "pkg"), { recursive: true });
  fs.writeFileSync(path.join(appRoot, "pkg", "__init__.py"), "X = 1\n");
  // The service's "interpreter" stalls while the marker exists: the collection is reliably under way.
  const marker = path.join(temp.dir, "stall");
  const python = path.join(temp.dir, "python3");
  fs.writeFileSync(python, `#!/bin/sh\n[ -e ${marker} ] && sleep 50\nexec /usr/bin/python3 "$@"\n`, { mode: 0o755 });
  fs.writeFileSync(marker, "");

  const first = await startApp({ databaseFile });
  await addUser(first, ADMIN);
  const post = async (app: { url: string }, url: string, body: object) =>
    fetch(`${app.url}${url}`, {
      method: "POST",
      headers: { ...sessionHeaders(app, await signIn(app)), "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  expect(
    (await post(first, "/api/hosts", { transport: "local", name: "stalls", appRoots: [appRoot], python })).status,
  ).toBe(201);
  expect((await post(first, "/api/hosts/stalls/snapshots", {})).status).toBe(202);
  await until(() => (jobStates(databaseFile).some((j) => j.state === "running") ? true : undefined));
  await first.stop();

  // SIGTERM (stop) marks it at once; a server killed outright leaves that to the next start.
  expect(first.logs()).toContain("SIGTERM: marked 1 collection job(s) interrupted");
  const second = await startApp({ databaseFile });
  try {
    expect(jobStates(databaseFile).map((j) => j.state)).toEqual(["interrupted"]);
    fs.rmSync(marker);
    const started = await post(second, "/api/hosts/stalls/snapshots", {});
    const { data } = (await started.json()) as { data: { jobId: string; events: string } };
    const events = await (
      await fetch(`${second.url}${data.events}`, { headers: sessionHeaders(second, await signIn(second)) })
    ).text();
    expect(events).toMatch(/event: snapshot\ndata: .*"ok":true/);
    await until(() => (jobStates(databaseFile).at(-1)?.state === "done" ? true : undefined), 10_000);
    expect(jobStates(databaseFile).map((j) => j.state)).toEqual(["interrupted", "done"]);
  } finally {
    await second.stop();
  }
});
