import "server-only";
import { processSingleton } from "@/lib/process-singleton";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { listHostSchedules } from "@/lib/db/queries/host-updates";
import { waitForJob } from "./collection-queue";
import { queueCollection } from "./collections";
import { createScheduler, type Scheduler } from "./scheduler";

// Next may evaluate instrumentation and route chunks separately: one scheduler per process.
const slot = processSingleton<{ scheduler?: Scheduler }>("deploylensScheduler", () => ({}));

/**
 * The server's scheduler: scheduled collections through the queue, and daily retention. With several instances
 * every one runs it; each occurrence is queued under one id, so it runs once in the fleet.
 */
export async function startScheduler(): Promise<Scheduler> {
  if (slot.scheduler) return slot.scheduler;
  const { pruneSnapshots } = await import("@/lib/retention/prune-snapshots");
  const scheduler = createScheduler({
    listSchedules: async () => (await listHostSchedules()).map((h) => ({ hostId: h.id, schedule: h.schedule })),
    collect: async (hostId, tick) => {
      await waitForJob(await queueCollection(await getHostOrThrow(hostId), null, tick));
    },
    housekeeping: async () => {
      await pruneSnapshots({ dryRun: false });
    },
    reloadMs: Number(process.env.DEPLOYLENS_SCHEDULE_RELOAD_MS) || undefined,
  });
  slot.scheduler = scheduler;
  await scheduler.reload();
  return scheduler;
}
