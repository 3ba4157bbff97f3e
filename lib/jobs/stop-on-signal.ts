import "server-only";
import { processSingleton } from "@/lib/process-singleton";
import { markJobsInterruptedNow } from "@/lib/db/mark-jobs-interrupted-now";
import { stopLocalProcessGroups } from "@/lib/transport/local-process-groups";
import { fleetQueueEnabled } from "./fleet-queue";

/** Time requests in flight get to finish after SIGTERM; the whole stop stays well under 10 s. */
const GRACE_MS = 3_000;
const EXIT_CODES = { SIGTERM: 143, SIGINT: 130 } as const;

function stop(signal: keyof typeof EXIT_CODES): void {
  // First, synchronously, what must survive the exit: no job may stay "running" in the database. A collection
  // that still ends within the grace records its real outcome over this, as "done".
  // On the shared queue, this instance's jobs are not marked: another instance retries them once they expire.
  if (fleetQueueEnabled()) {
    console.log(`deploylens: ${signal}: exiting; collections under way here will be retried by another instance`);
  } else {
    let marked = 0;
    try {
      marked = markJobsInterruptedNow();
    } catch (error) {
      console.error("deploylens: could not mark collection jobs interrupted", error);
    }
    console.log(`deploylens: ${signal}: marked ${marked} collection job(s) interrupted; exiting`);
  }
  // Next's own handler closes the server once its requests end, but a collection's event stream can stay
  // open for minutes: exit after a short grace whatever is still open (SSH connections close with the process).
  setTimeout(() => process.exit(EXIT_CODES[signal]), GRACE_MS);
}

/** Installs the server's SIGTERM/SIGINT handling once per process (instrumentation may run in several chunks). */
export function stopOnSignal(): void {
  const installed = processSingleton("deploylensStopOnSignal", () => ({ done: false }));
  if (installed.done) return;
  installed.done = true;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => stop(signal));
  // Local collectors run in their own process groups and would outlive the server: stop them as it exits
  // (not earlier, so that a collection cut short is not stored as a crash of the collector).
  process.once("exit", () => stopLocalProcessGroups());
}
