// Pure: which requests the server answers at all. proxy.ts and requireRole() both call it, so a handler
// reached without the proxy (a misconfigured matcher) still refuses a cross-site write.

export type GuardInput = {
  method: string;
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
  contentType: string | null;
  /**
   * A Next server action (its Next-Action header on a page path): a form post by design, checked for origin
   * like any write. Never true for /api: a route handler is not an action, whatever the headers say.
   */
  serverAction?: boolean;
};
export type GuardRefusal = {
  status: 421 | 403 | 415;
  code: "misdirected-request" | "cross-site-request" | "unsupported-media-type";
  message: string;
};

type Env = Record<string, string | undefined>;
const LOOPBACK = ["localhost", "127.0.0.1", "[::1]"];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Origins the dashboard is served under: loopback with the server's port, plus DEPLOYLENS_ORIGINS. */
export function allowedOrigins(env: Env = process.env): string[] {
  const port = env.PORT ?? "3000";
  const configured = (env.DEPLOYLENS_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  return [...LOOPBACK.map((name) => `http://${name}:${port}`), ...configured];
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function checkRequest(input: GuardInput, env: Env = process.env): GuardRefusal | null {
  const origins = allowedOrigins(env);
  // DNS rebinding: a page on evil.example resolving to 127.0.0.1 still sends Host: evil.example.
  const host = input.host?.toLowerCase() ?? null;
  if (!host || !origins.some((o) => hostOf(o) === host)) {
    return {
      status: 421,
      code: "misdirected-request",
      message: `this server does not answer for host ${JSON.stringify(input.host)}`,
    };
  }
  if (SAFE_METHODS.has(input.method.toUpperCase())) return null;
  const sameOrigin = input.origin
    ? origins.includes(input.origin) && hostOf(input.origin) === host
    : input.secFetchSite === "same-origin" || input.secFetchSite === "none";
  if (!sameOrigin)
    return { status: 403, code: "cross-site-request", message: "cross-site requests may not change anything" };
  const type = (input.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json" && !input.serverAction) {
    return { status: 415, code: "unsupported-media-type", message: "send Content-Type: application/json" };
  }
  return null;
}

function isApiUrl(url: string): boolean {
  const pathname = new URL(url, "http://deploylens.invalid").pathname;
  return pathname === "/api" || pathname.startsWith("/api/");
}

export function guardInputOf(req: Request): GuardInput {
  const h = req.headers;
  return {
    method: req.method,
    host: h.get("host"),
    origin: h.get("origin"),
    secFetchSite: h.get("sec-fetch-site"),
    contentType: h.get("content-type"),
    serverAction: h.has("next-action") && !isApiUrl(req.url),
  };
}
