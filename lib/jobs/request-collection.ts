import "server-only";
import type { AuditActor } from "@/lib/audit/record-audit";
import { recordAuditOfDoneAction } from "@/lib/audit/record-audit-of-done-action";
import type { HostRow } from "@/lib/db/queries/hosts";
import { startCollection, type Job } from "./collection-queue";

/** How a request's job is started: this process's queue (the CLI's), or the server's (lib/jobs/collections.ts). */
type StartCollection = (host: HostRow, startedBy: string | null) => Job | Promise<Job>;

/**
 * A person's request to collect a host now (the dashboard's Collect, `POST /api/hosts/:id/snapshots`,
 * `deploylens collect`): starts or joins the job and records `collection-started` once, here. Scheduled runs
 * call the queue directly: no one asked for them. The dashboard passes its queue (shared by every instance on
 * PostgreSQL); the CLI collects in its own process.
 */
export async function requestCollection(
  host: HostRow,
  by: AuditActor,
  start: StartCollection = startCollection,
): Promise<Job> {
  const job = await start(host, by.actor);
  // The job runs from here on: a locked database may delay its audit event, not turn the request into an error.
  await recordAuditOfDoneAction({
    ...by,
    action: "collection-started",
    object: { type: "host", id: host.name },
    detail: { jobId: job.id },
  });
  return job;
}
