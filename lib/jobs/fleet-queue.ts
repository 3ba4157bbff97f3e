import "server-only";
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { findHost } from "@/lib/db/queries/hosts";
import {
  findCollectionJobRow,
  listUnfinishedJobsOfHost,
  updateCollectionJobRow,
  upsertCollectionJobRow,
} from "@/lib/db/queries/collection-jobs";
import { sharedQueueUrl } from "@/lib/db/shared-queue-url";
import type { HostRow } from "@/lib/db/queries/hosts";
import { processSingleton } from "@/lib/process-singleton";
import type { CollectResult } from "./collect-host";
import { jobRecord, maxConcurrentCollections, progressOf, settleJob, type Job } from "./collection-queue";
import { createSharedQueue } from "./create-shared-queue";
import { runCollection } from "./run-collection";

// Several dashboard instances on one PostgreSQL database share their collections through pg-boss: each job is
// claimed by exactly one instance (SELECT … FOR UPDATE SKIP LOCKED), at most one job per host is queued and one
// runs (the "stately" policy, keyed by host), and a job whose instance died is failed once it outlives its
// expiry and retried by another instance.

const QUEUE = "deploylens-collect";
const SCHEMA = "pgboss";
/** A killed instance's job is retried by another this many times. */
const RETRIES = 2;
/** How often an idle instance asks for work. */
const POLL_SECONDS = 1;
/** What a job may take beyond its host's own time limit (storing may wait for the database) before it counts as lost. */
const graceSeconds = () => Number(process.env.DEPLOYLENS_JOB_GRACE_SECONDS) || 180;
/** How often expired jobs are looked for (one instance does it per interval). */
const maintenanceSeconds = () => Number(process.env.DEPLOYLENS_QUEUE_MAINTENANCE_SECONDS) || 30;
/** How often an instance that follows a job run elsewhere looks whether it has ended. */
const FOLLOW_MS = 1_000;

type Payload = { hostId: string; startedBy: string | null };
type Output = Pick<CollectResult, "snapshotId" | "ok" | "code" | "message">;

const slot = processSingleton<{ boss?: Promise<PgBoss> }>("deploylensFleetQueue", () => ({}));

/** True when collections go through the shared queue: the store is a database several instances share. */
export function fleetQueueEnabled(): boolean {
  return sharedQueueUrl() !== null;
}

async function startBoss(url: string): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, schema: SCHEMA, maintenanceIntervalSeconds: maintenanceSeconds() });
  boss.on("error", (error) => console.error("deploylens: job queue:", error));
  await boss.start();
  await createSharedQueue(boss, QUEUE, { name: QUEUE, policy: "stately", retryLimit: RETRIES, retryDelay: 0 });
  // One worker per slot: each claims one job at a time, so an instance runs at most the global cap at once.
  for (let i = 0; i < maxConcurrentCollections(); i++) {
    await boss.work<Payload>(QUEUE, { batchSize: 1, pollingIntervalSeconds: POLL_SECONDS }, ([job]) => claimed(job!));
  }
  return boss;
}

/** The process's queue connection and workers, started on first use (the server starts it at boot). */
export function fleetQueue(): Promise<PgBoss> {
  const url = sharedQueueUrl();
  if (!url) throw new Error("the shared job queue needs a PostgreSQL store");
  return (slot.boss ??= startBoss(url));
}

/** Runs a job this instance claimed; its output (no view: it travels through the queue's table) ends it. */
async function claimed(job: PgBoss.Job<Payload>): Promise<Output> {
  const host = await findHost(job.data.hostId);
  if (!host) return { snapshotId: "", ok: false, code: "not-found", message: "the host was deleted" };
  const record = jobRecord(job.id, host);
  record.state = "running";
  await upsertCollectionJobRow({ id: job.id, hostId: host.id, state: "running", startedBy: job.data.startedBy }, true);
  const result = await runCollection(host, progressOf(record));
  await updateCollectionJobRow(job.id, {
    state: "done",
    snapshotId: result.snapshotId || null,
    finishedAt: new Date(),
  });
  settleJob(record, result);
  return { snapshotId: result.snapshotId, ok: result.ok, code: result.code, message: result.message };
}

const LIVE_STATES = new Set(["created", "retry", "active"]);

const followed = new WeakSet<Job>();

/** Follows a job that may run in another instance: settled from the queue's table once it has ended there. */
function follow(boss: PgBoss, job: Job): Job {
  if (job.state === "done" || followed.has(job)) return job;
  followed.add(job);
  const timer = setInterval(() => {
    if (job.state === "done") return clearInterval(timer);
    void boss
      .getJobById<Payload>(QUEUE, job.id, { includeArchive: true })
      .then((row) => {
        if (!row) return settleJob(job, { snapshotId: "", ok: false, code: "internal", message: "the job is gone" });
        if (row.state === "active") job.state = "running";
        if (LIVE_STATES.has(row.state)) return;
        const output = row.output as Partial<Output> | null;
        const ok = row.state === "completed" && output?.ok === true;
        settleJob(job, {
          snapshotId: output?.snapshotId ?? "",
          ok,
          code: ok ? null : (output?.code ?? "interrupted"),
          message: ok ? null : (output?.message ?? `the collection ended as ${row.state}`),
        });
      })
      .catch((error: unknown) => console.error("deploylens: following a job:", error));
  }, FOLLOW_MS);
  timer.unref();
  return job;
}

/** The host's job that is still queued or running anywhere in the fleet, if any. */
async function liveJobOf(boss: PgBoss, host: HostRow): Promise<Job | null> {
  for (const { id } of await listUnfinishedJobsOfHost(host.id)) {
    const row = await boss.getJobById(QUEUE, id);
    if (row && LIVE_STATES.has(row.state)) return follow(boss, jobRecord(id, host));
  }
  return null;
}

/**
 * Queues a collection of `host` for whichever instance is free, or joins the one under way. `id` makes a
 * request idempotent across instances: a schedule's tick has the same id in every instance, so it runs once.
 */
export async function startFleetCollection(
  host: HostRow,
  startedBy: string | null,
  id: string = randomUUID(),
): Promise<Job> {
  const boss = await fleetQueue();
  const known = await findCollectionJobRow(id);
  if (known) return follow(boss, jobRecord(id, host));
  const live = await liveJobOf(boss, host);
  if (live) return live;
  const expireInSeconds = host.timeoutSeconds + graceSeconds();
  const sent = await boss.send(QUEUE, { hostId: host.id, startedBy } satisfies Payload, {
    id,
    singletonKey: host.id,
    expireInSeconds,
  });
  if (sent === null) {
    // Another instance queued the same tick, or a job of this host, a moment before.
    return (await liveJobOf(boss, host)) ?? follow(boss, jobRecord(id, host));
  }
  await upsertCollectionJobRow({ id, hostId: host.id, state: "queued", startedBy }, false);
  return follow(boss, jobRecord(id, host));
}

/** A job of the fleet by id, wherever it runs (an event stream may reach another instance than the request). */
export async function findFleetJob(id: string): Promise<Job | null> {
  const row = await findCollectionJobRow(id);
  if (!row) return null;
  const host = await findHost(row.hostId);
  return host ? follow(await fleetQueue(), jobRecord(id, host)) : null;
}

/** Stops claiming jobs; a job under way is left to expire and be retried elsewhere if the process ends first. */
export async function stopFleetQueue(): Promise<void> {
  const boss = await slot.boss;
  await boss?.stop({ graceful: false, wait: false });
}
