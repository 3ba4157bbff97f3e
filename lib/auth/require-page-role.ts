import "server-only";
import { cookies, headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { hasRole, type Role } from "./roles";
import { SESSION_COOKIE } from "./session-policy";
import { findSessionUser, type SessionUser } from "./sessions";

/** Set by proxy.ts on every request it lets through, so a page knows where to come back after sign-in. */
export const PATH_HEADER = "x-deploylens-path";

/**
 * The signed-in user of this request, looked up once per request: the layout and the page both ask. React's
 * cache() is scoped to one request, so no user is ever seen by another's.
 */
export const findCurrentUser = cache(async (): Promise<SessionUser | null> => {
  return findSessionUser((await cookies()).get(SESSION_COOKIE)?.value);
});

/**
 * requireRole() for pages, server components and actions: anonymous → /login?next=…, too low a role → 403
 * with the nearest forbidden.tsx (each page that needs more than viewer has its own, saying why).
 */
export async function requirePageRole(role: Role): Promise<SessionUser> {
  const user = await findCurrentUser();
  if (!user) {
    const path = (await headers()).get(PATH_HEADER) ?? "/";
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
