import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { postgresMissing, startPostgres, type RunningPostgres } from "../support/postgres";

// The shared queue in this process (lib/jobs/collections.ts on PostgreSQL), where timings are in the test's
// hands: an occurrence of a schedule queued again later, by an instance whose clock or load made it late, is
// not collected again; a second request while a collection is queued or running joins it.

describe.skipIf(postgresMissing)(`the shared collection queue${postgresMissing ? ` (${postgresMissing})` : ""}`, () => {
  let server: RunningPostgres | undefined;
  let fixture: HalfCompiledApp | undefined;
  let hostId = "";

  beforeAll(async () => {
    server = await startPostgres();
    const url = await server.createDatabase("queue");
    // lib/db/client reads DATABASE_URL when it is first imported.
    process.env.DATABASE_URL = url;
    process.env.DEPLOYLENS_SECRET_KEY = "22".repeat(32);
    const { migratePostgres } = await import("@/lib/db/migrate-postgresql");
    await migratePostgres(url);
    fixture = halfCompiledApp("deploylens-queue-app-");
    const { createHost } = await import("@/lib/hosts/create-host");
    const host = await createHost({
      transport: "local",
      name: "queued",
      appRoots: [fixture.app],
      python: fixture.venv.python,
      measureStartup: false,
    });
    hostId = host.id;
  });

  afterAll(async () => {
    const { stopFleetQueue } = await import("@/lib/jobs/fleet-queue");
    await stopFleetQueue();
    const { prisma } = await import("@/lib/db/client");
    await prisma.$disconnect();
    await server?.stop();
    fixture?.remove();
  });

  const snapshots = async () => (await import("@/lib/db/client")).prisma.snapshot.count({ where: { hostId } });
  const host = async () => (await import("@/lib/db/queries/hosts")).getHostOrThrow(hostId);

  test("an occurrence queued again after it ran is not collected again; the next occurrence is", async () => {
    const { queueCollection } = await import("@/lib/jobs/collections");
    const { waitForJob } = await import("@/lib/jobs/collection-queue");
    const tick = new Date("2026-12-07T05:00:00.000Z");
    const first = await queueCollection(await host(), null, tick);
    expect((await waitForJob(first)).ok).toBe(true);
    expect(await snapshots()).toBe(1);

    const late = await queueCollection(await host(), null, tick);
    expect(late.id).toBe(first.id);
    expect((await waitForJob(late)).snapshotId).toBe(first.result!.snapshotId);
    expect(await snapshots()).toBe(1);

    const next = await queueCollection(await host(), null, new Date("2026-12-07T05:01:00.000Z"));
    expect(next.id).not.toBe(first.id);
    expect((await waitForJob(next)).ok).toBe(true);
    expect(await snapshots()).toBe(2);
  });

  test("requests for a host while its collection is under way join it", async () => {
    const { queueCollection } = await import("@/lib/jobs/collections");
    const { waitForJob } = await import("@/lib/jobs/collection-queue");
    const before = await snapshots();
    const first = await queueCollection(await host(), "one");
    const second = await queueCollection(await host(), "two");
    expect(second.id).toBe(first.id);
    const [a, b] = await Promise.all([waitForJob(first), waitForJob(second)]);
    expect(b.snapshotId).toBe(a.snapshotId);
    expect(await snapshots()).toBe(before + 1);
  });
});
