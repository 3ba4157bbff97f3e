/** A session ends after 12 hours without a request, and 7 days after sign-in whatever happens. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most once a minute, so reading pages does not turn into writes. */
export const SESSION_TOUCH_MS = 60 * 1000;
export const SESSION_COOKIE = "deploylens_session";

/** httpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure over HTTPS. */
export function sessionCookieOptions(secure: boolean, expires: Date) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/", expires };
}

export function isHttps(req: Request): boolean {
  const forwarded = req.headers.get("x-forwarded-proto");
  return (forwarded ?? new URL(req.url).protocol.replace(":", "")) === "https";
}
