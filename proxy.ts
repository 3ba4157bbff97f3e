import { NextResponse, type NextRequest } from "next/server";
import { isApiPath, isOpenPath, isSharePath } from "@/lib/auth/open-paths";
import { checkRequest, guardInputOf } from "@/lib/auth/request-guard";
import { newNonce, pagePolicy, RESOURCE_POLICY, securityHeaders } from "@/lib/auth/security-headers";
import { SESSION_COOKIE } from "@/lib/auth/session-policy";

const PATH_HEADER = "x-deploylens-path";
const PUBLIC_HEADER = "x-deploylens-public";
/** The page's CSP nonce, for the layout's inline theme script (Next reads it from the request's CSP itself). */
const NONCE_HEADER = "x-nonce";

function refuse(status: number, code: string, message: string): NextResponse {
  return NextResponse.json({ error: { code, message } }, { status });
}

function isPageRequest(pathname: string): boolean {
  return !isApiPath(pathname) && !pathname.startsWith("/_next/static/");
}

/**
 * The front door, for every request: a Host this server answers for, same-origin JSON for writes,
 * and a session cookie outside the open paths. Whether the session is live, and its role, is checked
 * by requireRole()/requirePageRole() in the handler or page, which also repeat the request checks.
 * Every answer, a refusal or redirect included, carries the security headers.
 */
export function proxy(req: NextRequest) {
  const { pathname } = req.nextUrl;
  const nonce = isPageRequest(pathname) ? newNonce() : null;
  const policy = nonce ? pagePolicy(nonce) : RESOURCE_POLICY;
  const response = route(req, nonce, policy);
  for (const [name, value] of Object.entries(securityHeaders({ policy, share: isSharePath(pathname) })))
    response.headers.set(name, value);
  return response;
}

function route(req: NextRequest, nonce: string | null, policy: string): NextResponse {
  const refusal = checkRequest(guardInputOf(req));
  if (refusal) return refuse(refusal.status, refusal.code, refusal.message);
  const { pathname, search } = req.nextUrl;
  if (!isOpenPath(pathname) && !req.cookies.get(SESSION_COOKIE)) {
    if (isApiPath(pathname)) return refuse(401, "unauthorized", "sign in first");
    // The Host the browser used (checked above), not req.url's, which Next may rewrite to "localhost".
    const protocol = req.headers.get("x-forwarded-proto") ?? req.nextUrl.protocol.replace(":", "");
    const login = new URL(`${protocol}://${req.headers.get("host")}/login`);
    login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  const headers = new Headers(req.headers);
  headers.set(PATH_HEADER, `${pathname}${search}`);
  if (isSharePath(pathname)) headers.set(PUBLIC_HEADER, "1");
  else headers.delete(PUBLIC_HEADER);
  // Next takes the nonce for its own scripts from the request's policy.
  headers.set("content-security-policy", policy);
  if (nonce) headers.set(NONCE_HEADER, nonce);
  else headers.delete(NONCE_HEADER);
  return NextResponse.next({ request: { headers } });
}
