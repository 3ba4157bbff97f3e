import "server-only";
import { processSingleton } from "@/lib/process-singleton";
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import type { HostRow } from "@/lib/db/queries/hosts";
import type { ProgressEvent } from "@/lib/snapshot/collector-events";
import type { CollectResult } from "./collect-host";
import { recordJobQueued, recordJobState } from "./persist-job";
import { runCollection, type RunOptions } from "./run-collection";

export type JobState = "queued" | "running" | "done";
export type Job = {
  id: string;
  hostId: string;
  hostName: string;
  state: JobState;
  progress: ProgressEvent | null;
  result: CollectResult | null;
  events: EventEmitter; // "progress" (ProgressEvent), "done" (CollectResult)
  /** The latest write of this job's row in CollectionJob. */
  persisted: Promise<void>;
};

/** One process: an in-memory queue with one job per host at a time and a global cap. */
const DEFAULT_MAX_CONCURRENT = 4;

/** The global cap: DEPLOYLENS_MAX_CONCURRENT_COLLECTIONS, else 4. Read per pump so tests and ops can change it. */
export function maxConcurrentCollections(): number {
  const configured = Number(process.env.DEPLOYLENS_MAX_CONCURRENT_COLLECTIONS);
  return Number.isInteger(configured) && configured > 0 ? configured : DEFAULT_MAX_CONCURRENT;
}
const KEEP_FINISHED_MS = 10 * 60 * 1000;

/**
 * `active` maps a host id to its queued or running job: a fleet's scheduler starts thousands of collections an
 * hour, and finding a host's job among every job of the last ten minutes was a scan per start.
 */
type Queue = {
  jobs: Map<string, Job>;
  active: Map<string, Job>;
  waiting: Job[];
  running: number;
  /** What each waiting or running job collects, and how. */
  runs: Map<string, { host: HostRow; options: RunOptions }>;
};
// Route handlers and instrumentation may load this module in separate chunks: share one queue.
const queue: Queue = processSingleton<Queue>("deploylensQueue", () => ({
  jobs: new Map(),
  active: new Map(),
  waiting: [],
  running: 0,
  runs: new Map(),
}));

export function findJob(id: string): Job | null {
  return queue.jobs.get(id) ?? null;
}

function newJob(id: string, host: { id: string; name: string }): Job {
  return {
    id,
    hostId: host.id,
    hostName: host.name,
    state: "queued",
    progress: null,
    result: null,
    events: new EventEmitter(),
    persisted: Promise.resolve(),
  };
}

/** Starts (or joins) the collection of a host: a second request while one is under way gets the same job. */
export function startCollection(host: HostRow, startedBy: string | null = null, options: RunOptions = {}): Job {
  const active = queue.active.get(host.id);
  if (active) return active;
  const job = newJob(randomUUID(), host);
  job.persisted = recordJobQueued(job.id, host.id, startedBy);
  queue.jobs.set(job.id, job);
  queue.active.set(host.id, job);
  queue.runs.set(job.id, { host, options });
  queue.waiting.push(job);
  pump();
  return job;
}

/** The job's result, at once when it has finished, else when it does. */
export function waitForJob(job: Job): Promise<CollectResult> {
  if (job.result) return Promise.resolve(job.result);
  return new Promise((resolve) => job.events.once("done", resolve));
}

function pump() {
  while (queue.running < maxConcurrentCollections() && queue.waiting.length > 0) {
    const job = queue.waiting.shift()!;
    const { host, options } = queue.runs.get(job.id)!;
    queue.running += 1;
    job.state = "running";
    job.persisted = recordJobState(job.persisted, job.id, "running");
    void run(job, host, options);
  }
}

async function run(job: Job, host: HostRow, options: RunOptions) {
  const result = await runCollection(host, progressOf(job), options);
  queue.active.delete(job.hostId);
  job.persisted = recordJobState(job.persisted, job.id, "done", result.snapshotId || null);
  queue.running -= 1;
  queue.runs.delete(job.id);
  settleJob(job, result);
  pump();
}

/** Passes a collection's progress to whoever follows its job. */
export function progressOf(job: Job): (event: ProgressEvent) => void {
  return (event) => {
    job.progress = event;
    job.events.emit("progress", event);
  };
}

/**
 * This process's record of a job, made on first sight: the shared queue's jobs (lib/jobs/fleet-queue.ts) are
 * followed through it, whether this process or another one runs them.
 */
export function jobRecord(id: string, host: { id: string; name: string }): Job {
  const known = queue.jobs.get(id);
  if (known) return known;
  const job = newJob(id, host);
  queue.jobs.set(id, job);
  return job;
}

/** Ends a job once: its result, the "done" event, and its record kept a while for late followers. */
export function settleJob(job: Job, result: CollectResult): void {
  if (job.state === "done") return;
  job.result = result;
  job.state = "done";
  job.events.emit("done", result);
  setTimeout(() => queue.jobs.delete(job.id), KEEP_FINISHED_MS).unref();
}
