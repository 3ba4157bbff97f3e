/** A range the measurement gives: the fastest and the slowest of its passes. */
export type Range = { low: number; high: number };

/** A number and where it came from: "ExecStart --workers 4", "journal 7 d", "user input". */
export type Sourced = { value: number; source: string };

/** What the blocked startup modules cost in the operator's units (`snapshot.impact`). */
export type Impact = {
  processesPerStart: Sourced;
  startsPerDay: Sourced | null;
  perProcessStartMs: Range;
  cpuSecondsPerDay: Range | null;
  restartLatencyMs: Range;
  /** Recycled workers: requests per day that replace a worker, and where that rate came from. */
  recycling: {
    maxRequests: number;
    jitter: number;
    requestsPerDay: Sourced | null;
    recyclesPerDay: number | null;
  } | null;
  notes: string[];
};

/** What one fix is predicted to leave: blocked modules and startup coverage after it, CPU-seconds per day it saves. */
export type Prediction = { blocked: number; startupCoverage: number | null; cpuSecondsPerDay: Range | null };
