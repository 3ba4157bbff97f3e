import { ValidationError } from "@/lib/errors";

export const DEFAULT_SHARE_DAYS = 7;
export const MAX_SHARE_DAYS = 90;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "7d", "12h", "30m" (or a number of days) → the expiry time; never beyond 90 days. */
export function shareExpiry(expires: string | number | undefined, now = Date.now()): Date {
  const text =
    expires === undefined ? `${DEFAULT_SHARE_DAYS}d` : typeof expires === "number" ? `${expires}d` : expires.trim();
  const match = /^(\d+)\s*([mhd])$/.exec(text);
  if (!match) throw new ValidationError(`expires: use a duration such as 7d, 12h or 30m, not ${JSON.stringify(text)}`);
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  if (ms <= 0) throw new ValidationError("expires: must be in the future");
  if (ms > MAX_SHARE_DAYS * UNIT_MS.d) throw new ValidationError(`expires: at most ${MAX_SHARE_DAYS} days`);
  return new Date(now + ms);
}
