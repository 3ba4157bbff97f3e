import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { postgresMissing, startPostgres, type RunningPostgres } from "../support/postgres";

// Instances that start together on a fresh database all create the shared queue at once; PostgreSQL may end one
// of those transactions as a deadlock. Each instance must still start, with the one queue the others made.

const INSTANCES = 6;
const ROUNDS = 8;

describe.skipIf(postgresMissing)(`creating the shared queue${postgresMissing ? ` (${postgresMissing})` : ""}`, () => {
  let server: RunningPostgres | undefined;
  const bosses: PgBoss[] = [];

  beforeAll(async () => {
    server = await startPostgres();
    const url = await server.createDatabase("create_queue");
    for (let i = 0; i < INSTANCES; i++) {
      const boss = new PgBoss({ connectionString: url, schema: "pgboss", supervise: false, schedule: false });
      boss.on("error", () => undefined);
      await boss.start();
      bosses.push(boss);
    }
  });

  afterAll(async () => {
    for (const boss of bosses) await boss.stop({ graceful: false, wait: true });
    await server?.stop();
  });

  test("instances creating the same queues at once all succeed, and each queue exists once", async () => {
    const { createSharedQueue } = await import("@/lib/jobs/create-shared-queue");
    for (let round = 0; round < ROUNDS; round++) {
      const name = `collect-${round}`;
      const created = await Promise.allSettled(
        bosses.map((boss) => createSharedQueue(boss, name, { name, policy: "stately", retryLimit: 2, retryDelay: 0 })),
      );
      expect(created.filter((result) => result.status === "rejected")).toEqual([]);
      const queues = (await bosses[0]!.getQueues()).filter((queue) => queue.name === name);
      expect(queues).toHaveLength(1);
    }
  });
});
