/**
 * Where the dashboard is reachable, for links in JSON: DEPLOYLENS_URL, else the host the request
 * came to (Next rewrites req.url's host to "localhost", so read the Host headers instead).
 */
export function baseUrl(req?: Request): string {
  const configured = process.env.DEPLOYLENS_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const host = req && (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  if (req && host) {
    const protocol = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
    return `${protocol}://${host}`;
  }
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}
