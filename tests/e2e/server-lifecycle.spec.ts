import path from "node:path";
import Database from "../support/sqlite-database";
import { expect, test } from "@playwright/test";
import { signedInRequest } from "../support/session";
import { startApp } from "../support/app";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-lifecycle-");
test.afterAll(() => temp.remove());

test("restarting the server on an existing database keeps its hosts and users", async () => {
  const databaseFile = path.join(temp.dir, "keep.db");
  const first = await startApp({ databaseFile });
  const request = await signedInRequest(first);
  const created = await request.post(`${first.url}/api/hosts`, {
    data: { transport: "local", name: "laptop", appRoots: ["/srv/app"] },
  });
  expect(created.status()).toBe(201);
  await request.dispose();
  await first.stop();

  const second = await startApp({ databaseFile });
  // The admin made before the restart still signs in.
  const again = await signedInRequest(second, undefined, { create: false });
  const listed = await again.get(`${second.url}/api/hosts`);
  const body = (await listed.json()) as { data: { name: string; appRoots: string[] }[] };
  expect(body.data.map((h) => [h.name, h.appRoots])).toEqual([["laptop", ["/srv/app"]]]);
  await again.dispose();
  await second.stop();
});

test("the server refuses to start when an applied migration's file no longer matches", async () => {
  const databaseFile = path.join(temp.dir, "tampered.db");
  const app = await startApp({ databaseFile });
  await app.stop();
  // Same effect as editing the migration file after it was applied, without touching the repository.
  const db = new Database(databaseFile);
  db.prepare(`UPDATE _prisma_migrations SET checksum = ?`).run("0".repeat(64));
  db.close();
  const failure = await startApp({ databaseFile }).then(
    async (running) => (await running.stop(), null),
    (error: unknown) => String(error),
  );
  expect(failure).toMatch(/refusing to start\. Migration \S+ was changed after it was applied/);
});
