import "server-only";
import { listLoginFailureTimes } from "@/lib/db/queries/sessions";
import { TooManyAttemptsError } from "./auth-errors";

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 10 * 60 * 1000;

/** Throws 429 when the account or the address already has 10 failures in the last 10 minutes. */
export async function assertNotThrottled(name: string, address: string): Promise<void> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  for (const where of [{ name }, { address }]) {
    const times = await listLoginFailureTimes(where, since);
    // Allowed again once enough of them have left the window to bring the count below the limit.
    const freeing = times[times.length - MAX_FAILURES];
    if (freeing) {
      const waitMs = freeing.getTime() + FAILURE_WINDOW_MS - Date.now();
      throw new TooManyAttemptsError(Math.max(1, Math.ceil(waitMs / 1000)));
    }
  }
}
