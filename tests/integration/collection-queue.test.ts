import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-queue-");
const databaseFile = path.join(temp.dir, "queue.db");
const apps: HalfCompiledApp[] = [];

beforeAll(() => {
  // lib/db/client reads DATABASE_URL when it is first imported.
  process.env.DATABASE_URL = `file:${databaseFile}`;
  process.env.DEPLOYLENS_MAX_CONCURRENT_COLLECTIONS = "1";
  migrate({ file: databaseFile });
});
afterAll(() => {
  delete process.env.DEPLOYLENS_MAX_CONCURRENT_COLLECTIONS;
  for (const app of apps) app.remove();
  temp.remove();
});

async function localHost(name: string) {
  const { createHost } = await import("@/lib/hosts/create-host");
  const app = halfCompiledApp();
  apps.push(app);
  return createHost({ name, transport: "local", appRoots: [app.app], python: app.venv.python, measureStartup: false });
}

test("a second request for a host joins its running collection; the global cap queues other hosts", async () => {
  const { startCollection, waitForJob } = await import("@/lib/jobs/collection-queue");
  const { listSnapshots } = await import("@/lib/db/queries/snapshots");
  const [a, b] = [await localHost("qa"), await localHost("qb")];
  const first = startCollection(a);
  const joined = startCollection(a);
  const other = startCollection(b);
  expect(joined).toBe(first);
  expect([first.state, other.state]).toEqual(["running", "queued"]);
  const [resultA, resultB] = await Promise.all([waitForJob(first), waitForJob(other)]);
  expect(resultA.ok && resultB.ok, `${resultA.message} ${resultB.message}`).toBe(true);
  expect(await waitForJob(joined)).toBe(resultA);
  // One collection for two requests: exactly one snapshot of qa, real data in it.
  const stored = await listSnapshots(a.id);
  expect(stored.map((s) => [s.status, s.sources, s.fresh])).toEqual([["ok", 8, 4]]);
});
