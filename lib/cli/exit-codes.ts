/** What `deploylens` exits with, for scripts, cron and CI (README "Operations"). */
export const EXIT = {
  ok: 0,
  /** A collection failed, or something went wrong that is not the caller's input. */
  failed: 1,
  /** Bad arguments or input the caller can correct. */
  usage: 2,
  /** Collections succeeded but a CI gate (--fail-under, --fail-on) did not pass. */
  gate: 3,
} as const;
