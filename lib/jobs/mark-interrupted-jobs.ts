import "server-only";
import { markUnfinishedJobsInterrupted } from "@/lib/db/queries/collection-jobs";
import { fleetQueueEnabled } from "./fleet-queue";

/** Start-up hook: a job left "queued" or "running" by the previous process becomes "interrupted". */
export async function markInterruptedJobs(): Promise<void> {
  // On the shared queue other instances may be running jobs right now; a dead instance's jobs are retried.
  if (fleetQueueEnabled()) return;
  const count = await markUnfinishedJobsInterrupted(new Date());
  if (count > 0) console.log(`deploylens: marked ${count} collection job(s) interrupted by the last shutdown`);
}
