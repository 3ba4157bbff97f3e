/** Where the dashboard is reachable, for links in JSON: DEPLOYLENS_URL, else the request's own origin. */
export function baseUrl(req?: Request): string {
  const configured = process.env.DEPLOYLENS_URL;
  if (configured) return configured.replace(/\/+$/, "");
  if (req) return new URL(req.url).origin;
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}
