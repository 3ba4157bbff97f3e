/**
 * The caller's address. Next puts the socket's address in X-Forwarded-For only when the header is
 * absent, so the last entry is either that or what the nearest reverse proxy appended: a proxy in front
 * of DeployLens must append (nginx: proxy_add_x_forwarded_for) for per-address throttling to hold.
 */
export function clientAddress(req: Request): string {
  const forwarded = req.headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return last ?? "unknown";
}
