import "server-only";
import { claimLoginAttempt, type AttemptScope } from "@/lib/db/queries/login-attempts";
import { TooManyAttemptsError } from "./auth-errors";

export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 10 * 60 * 1000;

/** Stands for the address in the attempt row when the caller's address is not known (never counted). */
const UNKNOWN_ADDRESS = "unknown";

/**
 * Counts this sign-in as a failure before the password is checked, in the same transaction that counts
 * the earlier ones: parallel guesses cannot all pass a count taken before any of them was written. Throws
 * 429 when the account or the address already has 10 failures in the last 10 minutes. A right password
 * then clears the account's failures (clearLoginFailures), this one included.
 */
export async function recordSignInAttempt(name: string, address: string | null): Promise<void> {
  const scopes: AttemptScope[] = address ? [{ name }, { address }] : [{ name }];
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  const claim = await claimLoginAttempt({ name, address: address ?? UNKNOWN_ADDRESS }, scopes, since, MAX_FAILURES);
  if (claim.recorded) return;
  // Allowed again once enough of them have left the window to bring the count below the limit.
  const freeing = claim.earlier[claim.earlier.length - MAX_FAILURES]!;
  const waitMs = freeing.getTime() + FAILURE_WINDOW_MS - Date.now();
  throw new TooManyAttemptsError(Math.max(1, Math.ceil(waitMs / 1000)));
}
