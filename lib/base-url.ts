type Env = Record<string, string | undefined>;

const withoutSlash = (url: string) => url.replace(/\/+$/, "");

/**
 * Where the dashboard is reachable, for links in JSON: DEPLOYLENS_URL, else the host the request
 * came to (Next rewrites req.url's host to "localhost", so read the Host headers instead).
 */
export function baseUrl(req?: Request): string {
  const configured = process.env.DEPLOYLENS_URL;
  if (configured) return withoutSlash(configured);
  const host = req && (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  if (req && host) {
    const protocol = req.headers.get("x-forwarded-proto") ?? new URL(req.url).protocol.replace(":", "");
    return `${protocol}://${host}`;
  }
  return `http://localhost:${process.env.PORT ?? "3000"}`;
}

/** The settings row (AppSetting) where a starting server records the URL it serves this database under. */
export const PUBLIC_URL_SETTING = "public-url";

/**
 * The URL this server is reached under, as it announces it: DEPLOYLENS_URL, else the first of
 * DEPLOYLENS_ORIGINS, else the address `next start` listens on and printed (it sets __NEXT_PRIVATE_ORIGIN).
 */
export function serverPublicUrl(env: Env = process.env): string {
  const configured = env.DEPLOYLENS_URL || env.DEPLOYLENS_ORIGINS?.split(",")[0]?.trim();
  return withoutSlash(configured || env.__NEXT_PRIVATE_ORIGIN || `http://localhost:${env.PORT ?? "3000"}`);
}

/**
 * The dashboard's URL for work done outside a request (the CLI, alerts): DEPLOYLENS_URL, else what the
 * server serving this database recorded when it started, else the default address.
 */
export async function dashboardUrl(findRecorded: () => Promise<string | null>, env: Env = process.env) {
  if (env.DEPLOYLENS_URL) return withoutSlash(env.DEPLOYLENS_URL);
  return withoutSlash((await findRecorded()) ?? `http://localhost:${env.PORT ?? "3000"}`);
}
