import { NextResponse } from "next/server";
import { z } from "zod";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { recordAudit } from "@/lib/audit/record-audit";
import { clientAddress } from "@/lib/auth/client-address";
import { cookieValue } from "@/lib/auth/require-role";
import { isHttps, SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/session-policy";
import { revokeSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";

// GET /api/session — who is signed in
export const GET = route({ role: "viewer" }, async ({ user }) => json(user));

// POST /api/session — sign in with { name, password }: 200 and the cookie, 401 wrong, 429 throttled
export const POST = route({ role: "public", body: z.unknown() }, async ({ req, body }) => {
  const { user, token, expiresAt } = await signIn(body, clientAddress(req));
  const response = NextResponse.json({ data: user });
  response.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(isHttps(req), expiresAt));
  return response;
});

// DELETE /api/session — sign out: the session is revoked on the server, not just forgotten
export const DELETE = route({ role: "viewer" }, async ({ req, user, by }) => {
  await revokeSession(cookieValue(req, SESSION_COOKIE)!);
  await recordAudit({ ...by(), action: "sign-out", object: { type: "user", id: user.name } });
  const response = NextResponse.json({ data: { signedOut: true } });
  response.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(isHttps(req), new Date(0)));
  return response;
});
