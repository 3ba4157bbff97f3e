import "server-only";
import { markUnfinishedJobsInterrupted } from "@/lib/db/queries/collection-jobs";

/** Start-up hook: a job left "queued" or "running" by the previous process becomes "interrupted". */
export async function markInterruptedJobs(): Promise<void> {
  const count = await markUnfinishedJobsInterrupted(new Date());
  if (count > 0) console.log(`deploylens: marked ${count} collection job(s) interrupted by the last shutdown`);
}
