import { afterAll, beforeAll, expect, test } from "vitest";
import { localHostDatabase } from "../support/local-host-database";

const database = localHostDatabase("deploylens-queue-");

beforeAll(() => {
  process.env.DEPLOYLENS_MAX_CONCURRENT_COLLECTIONS = "1";
  database.open();
});
afterAll(() => {
  delete process.env.DEPLOYLENS_MAX_CONCURRENT_COLLECTIONS;
  database.remove();
});

const localHost = (name: string) => database.addLocalHost(name);

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
