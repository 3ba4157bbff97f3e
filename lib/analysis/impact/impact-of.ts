import type { Inventory, Measurements, Server } from "@/lib/snapshot/schema";
import { addRanges, round3, scaleRange } from "./range";
import type { Impact, Range, Sourced } from "./types";

export type ImpactOptions = {
  /** The user's own request rate; without it only the journal's access-log lines give one. */
  requestsPerDay?: number | null;
};

/** One process that imports the app, when the command is no server DeployLens knows. */
const ONE_PROCESS: Sourced = { value: 1, source: "one Python process (no server settings found)" };

/** Starts per day from the journal's "Started" events of the unit; null when the journal was not readable. */
function startsPerDayOf(measurements: Measurements | null): Sourced | null {
  const journal = measurements?.starts?.journal;
  if (!journal) return null;
  return { value: round3(journal.starts / journal.days), source: `journal ${journal.days} d` };
}

function requestsPerDayOf(measurements: Measurements | null, options: ImpactOptions): Sourced | null {
  if (options.requestsPerDay != null && options.requestsPerDay >= 0)
    return { value: options.requestsPerDay, source: "user input" };
  const journal = measurements?.starts?.journal;
  if (!journal || journal.requests === 0) return null;
  return { value: round3(journal.requests / journal.days), source: `journal ${journal.days} d access log` };
}

/** Workers replaced after max-requests (+ half the jitter on average): each new one imports the app again. */
function recyclingOf(server: Server | null, requestsPerDay: Sourced | null): Impact["recycling"] {
  const maxRequests = server?.maxRequests?.value;
  if (!server || !maxRequests || maxRequests <= 0) return null;
  const jitter = server.maxRequestsJitter?.value ?? 0;
  const recyclesPerDay = requestsPerDay ? round3(requestsPerDay.value / (maxRequests + jitter / 2)) : null;
  return { maxRequests, jitter, requestsPerDay, recyclesPerDay };
}

/**
 * The measured compile cost of the blocked startup modules × processes that import them per start × starts per
 * day (+ recycled workers that import them again) → CPU-seconds per day, and the added latency of a restart (the
 * first worker is ready after compiling them once). Null when nothing was measured.
 */
export function impactOf(
  inventory: Pick<Inventory, "server">,
  measurements: Measurements | null,
  options: ImpactOptions = {},
): Impact | null {
  const measured = measurements?.startup;
  if (!measured) return null;
  const server = inventory.server ?? null;
  const perProcessStartMs: Range = { low: measured.lowMs ?? measured.ms, high: measured.highMs ?? measured.ms };
  const processesPerStart = server?.processesPerStart ?? ONE_PROCESS;
  const startsPerDay = startsPerDayOf(measurements);
  const recycling = recyclingOf(server, requestsPerDayOf(measurements, options));
  const notes: string[] = [...(server?.notes ?? []), ...(measurements?.starts?.notes ?? [])];
  if (measured.capped) notes.push("the measurement stopped at its cap: the true cost is higher");
  if (measurements?.starts?.nRestarts)
    notes.push(
      `systemd restarted the service ${measurements.starts.nRestarts} times automatically since it was loaded`,
    );
  let cpu: Range | null = null;
  if (startsPerDay) {
    cpu = scaleRange(perProcessStartMs, (processesPerStart.value * startsPerDay.value) / 1000);
    // With the app imported before the fork, a recycled worker inherits it and compiles nothing.
    if (recycling?.recyclesPerDay && !server?.preload?.value)
      cpu = addRanges(cpu, scaleRange(perProcessStartMs, recycling.recyclesPerDay / 1000));
  } else notes.push("starts per day unknown (no readable journal): CPU-seconds per day not computed");
  if (recycling && !recycling.requestsPerDay)
    notes.push(
      `workers are recycled every ${recycling.maxRequests} requests${recycling.jitter ? ` (+ up to ${recycling.jitter})` : ""}: ` +
        `each costs ${perProcessStartMs.low}–${perProcessStartMs.high} ms more; requests per day / ${recycling.maxRequests + recycling.jitter / 2} = recycles per day`,
    );
  return {
    processesPerStart,
    startsPerDay,
    perProcessStartMs,
    cpuSecondsPerDay: cpu,
    restartLatencyMs: perProcessStartMs,
    recycling,
    notes,
  };
}
