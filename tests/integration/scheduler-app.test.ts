import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startApp, type RunningApp } from "../support/app";
import { ADMIN, addUser, sessionHeaders, signIn } from "../support/session";
import { databaseWithLocalHost } from "../support/app-on-own-database";
import type { HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-scheduler-app-");
const databaseFile = path.join(temp.dir, "app.db");
let fixture: HalfCompiledApp;
let app: RunningApp | undefined;

beforeAll(async () => {
  let hostId: string;
  ({ hostId, fixture } = await databaseWithLocalHost(databaseFile, "ticking"));
  const { updateHostSchedule } = await import("@/lib/db/queries/host-updates");
  await updateHostSchedule(hostId, "* * * * * *");
}, 900_000);

afterAll(async () => {
  await app?.stop();
  fixture?.remove();
  temp.remove();
});

function okSnapshots(): { sources: number; fresh: number }[] {
  const db = new Database(databaseFile, { readonly: true });
  const rows = db.prepare("SELECT sources, fresh FROM Snapshot WHERE status = 'ok' ORDER BY takenAt").all();
  db.close();
  return rows as { sources: number; fresh: number }[];
}

test(
  "a host on an every-second schedule builds history while next start runs; settings shows the store",
  { timeout: 240_000 },
  async () => {
    app = await startApp({ databaseFile });
    const deadline = Date.now() + 150_000;
    while (okSnapshots().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1_000));
    const rows = okSnapshots();
    expect(rows.length, app.logs()).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.sources === 8 && r.fresh === 4)).toBe(true);

    // /settings is for admins: sign in as one, as a person would.
    await addUser(app, ADMIN);
    const headers = sessionHeaders(app, await signIn(app));
    const settings = await (await fetch(`${app.url}/settings`, { headers })).text();
    expect(settings).toContain("Store size");
    expect(settings).toMatch(/ticking<\/td><td[^>]*>\d+<\/td>/);
  },
);
