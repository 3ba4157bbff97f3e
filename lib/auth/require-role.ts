import "server-only";
import { ForbiddenError, UnauthorizedError } from "./auth-errors";
import { checkRequest, guardInputOf } from "./request-guard";
import { RequestRefusedError } from "./request-refused-error";
import { hasRole, type Role } from "./roles";
import { SESSION_COOKIE } from "./session-policy";
import { findSessionUser, type SessionUser } from "./sessions";

export function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return decodeURIComponent(value.join("="));
  }
  return null;
}

/** Route handlers are never server actions: a Next-Action header does not excuse a write from being JSON. */
function routeHandlerGuardInput(req: Request) {
  return { ...guardInputOf(req), serverAction: false };
}

/**
 * The one call at the top of every route handler: the request is one this server answers (Host,
 * same-origin write, JSON), it carries a live session, and its user has at least `role`.
 */
export async function requireRole(req: Request, role: Role): Promise<SessionUser> {
  const refusal = checkRequest(routeHandlerGuardInput(req));
  if (refusal) throw new RequestRefusedError(refusal);
  const user = await findSessionUser(cookieValue(req, SESSION_COOKIE));
  if (!user) throw new UnauthorizedError();
  if (!hasRole(user.role, role))
    throw new ForbiddenError(`this needs the ${role} role; you are ${user.role}`, "role-required");
  return user;
}

/** For open endpoints (sign-in, setup): the same request checks, no session. */
export function requireSameSite(req: Request): void {
  const refusal = checkRequest(routeHandlerGuardInput(req));
  if (refusal) throw new RequestRefusedError(refusal);
}
