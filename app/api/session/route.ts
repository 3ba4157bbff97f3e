import { NextResponse } from "next/server";
import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { recordAudit } from "@/lib/audit/record-audit";
import { clientAddress } from "@/lib/auth/client-address";
import { cookieValue, requireRole, requireSameSite } from "@/lib/auth/require-role";
import { isHttps, SESSION_COOKIE, sessionCookieOptions } from "@/lib/auth/session-policy";
import { revokeSession } from "@/lib/auth/sessions";
import { signIn } from "@/lib/auth/sign-in";

// GET /api/session — who is signed in
export async function GET(req: Request) {
  return handle(async () => json(await requireRole(req, "viewer")));
}

// POST /api/session — sign in with { name, password }: 200 and the cookie, 401 wrong, 429 throttled
export async function POST(req: Request) {
  return handle(async () => {
    requireSameSite(req);
    const { user, token, expiresAt } = await signIn(await readJsonBody(req), clientAddress(req));
    const response = NextResponse.json({ data: user });
    response.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(isHttps(req), expiresAt));
    return response;
  });
}

// DELETE /api/session — sign out: the session is revoked on the server, not just forgotten
export async function DELETE(req: Request) {
  return handle(async () => {
    const user = await requireRole(req, "viewer");
    await revokeSession(cookieValue(req, SESSION_COOKIE)!);
    await recordAudit({
      actor: user.name,
      address: clientAddress(req),
      action: "sign-out",
      object: { type: "user", id: user.name },
    });
    const response = NextResponse.json({ data: { signedOut: true } });
    response.cookies.set(SESSION_COOKIE, "", sessionCookieOptions(isHttps(req), new Date(0)));
    return response;
  });
}
