import "server-only";
import { Cron } from "croner";

/** What the scheduler needs from the rest of the app; injected so a test can drive it with a fake clock. */
export type SchedulerDeps = {
  /** Hosts that have a schedule: id and cron expression. */
  listSchedules(): Promise<{ hostId: string; schedule: string }[]>;
  /**
   * Collects one host (joining a collection already under way); resolves when it is stored. `tick` is the
   * schedule's occurrence being run, the same in every instance that runs this schedule.
   */
  collect(hostId: string, tick: Date): Promise<void>;
  /** Daily housekeeping (retention); absent = none. */
  housekeeping?: () => Promise<void>;
  /** When housekeeping runs; default 03:17 every day, off the hour when collections cluster. */
  housekeepingSchedule?: string;
  /** How often schedules are re-read from the database (edits by the CLI or the UI). Default 30 s. */
  reloadMs?: number;
  onError?: (what: string, error: unknown) => void;
};

export type Scheduler = { reload(): Promise<void>; nextRun(hostId: string): Date | null; stop(): void };

/** The occurrence that fired: croner reports when it ran, not which occurrence; the latest one at or before now. */
function occurrenceNow(cron: Cron): Date {
  const now = Date.now();
  return cron.previousRuns(1, new Date(now + 1))[0] ?? new Date(now - (now % 1000));
}

/**
 * A croner job costs about a millisecond to create (its pattern is parsed and its next run found): ten thousand
 * scheduled hosts held the event loop for seconds at start. Reload gives the loop back after each slice.
 */
const SLICE_MS = 20;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One croner job per scheduled host. Croner only ever arms the next occurrence from now, so after a
 * restart (or a sleep) missed runs are skipped, not replayed in a burst; `protect` keeps one run of a
 * host's job at a time, and the collection queue adds per-host single flight and the global cap.
 */
export function createScheduler(deps: SchedulerDeps): Scheduler {
  const jobs = new Map<string, { schedule: string; cron: Cron }>();
  let stopped = false;
  const report = deps.onError ?? ((what, error) => console.error(`deploylens scheduler: ${what}:`, error));
  // A failure is reported here, never left floating. The promise is returned all the same: croner's `protect`
  // waits for it, so a run that outlasts its interval is not started again until it ends.
  const run = (what: string, task: () => Promise<void>) => () => task().catch((error: unknown) => report(what, error));

  async function reload() {
    const wanted = new Map((await deps.listSchedules()).map((s) => [s.hostId, s.schedule]));
    for (const [hostId, job] of jobs) {
      if (wanted.get(hostId) === job.schedule) continue;
      job.cron.stop();
      jobs.delete(hostId);
    }
    let slice = performance.now();
    for (const [hostId, schedule] of wanted) {
      if (performance.now() - slice > SLICE_MS) {
        await yieldToLoop();
        slice = performance.now();
      }
      // Checked after each pause: stop() may have come meanwhile, or an overlapping reload added the host.
      if (stopped) return;
      if (jobs.has(hostId)) continue;
      try {
        const cron: Cron = new Cron(
          schedule,
          { protect: true },
          run(`collect ${hostId}`, (): Promise<void> => deps.collect(hostId, occurrenceNow(cron))),
        );
        jobs.set(hostId, { schedule, cron });
      } catch (error) {
        report(`schedule of ${hostId} is not valid`, error);
      }
    }
  }

  const housekeeping = deps.housekeeping
    ? new Cron(deps.housekeepingSchedule ?? "17 3 * * *", { protect: true }, run("housekeeping", deps.housekeeping))
    : null;
  const reloadNow = run("reload schedules", reload);
  const reloader = setInterval(() => void reloadNow(), deps.reloadMs ?? 30_000);
  reloader.unref();
  return {
    reload,
    nextRun: (hostId) => jobs.get(hostId)?.cron.nextRun() ?? null,
    stop() {
      stopped = true;
      clearInterval(reloader);
      housekeeping?.stop();
      for (const job of jobs.values()) job.cron.stop();
      jobs.clear();
    },
  };
}
