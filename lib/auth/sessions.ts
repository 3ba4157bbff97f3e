import "server-only";
import {
  createSessionRow,
  findSessionByTokenHash,
  revokeSessionByTokenHash,
  touchSession,
} from "@/lib/db/queries/sessions";
import { isDatabaseBusy } from "@/lib/db/database-busy";
import type { UserRow } from "@/lib/db/queries/users";
import { hashToken, newSecretToken } from "./secret-token";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, SESSION_TOUCH_MS } from "./session-policy";

export type SessionUser = { id: string; name: string; role: string };

export async function createSession(user: UserRow, address: string | null) {
  const token = newSecretToken();
  const expiresAt = new Date(Date.now() + SESSION_ABSOLUTE_MS);
  await createSessionRow({ tokenHash: hashToken(token), userId: user.id, expiresAt, address });
  return { token, expiresAt };
}

/** The signed-in user for a cookie value, or null when it is unknown, revoked, idle too long or expired. */
export async function findSessionUser(token: string | undefined | null): Promise<SessionUser | null> {
  if (!token) return null;
  const session = await findSessionByTokenHash(hashToken(token));
  const now = Date.now();
  if (!session || session.revokedAt) return null;
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now) return null;
  if (now - session.lastSeenAt.getTime() > SESSION_TOUCH_MS) touchInBackground(session.id, new Date(now));
  return { id: session.user.id, name: session.user.name, role: session.user.role };
}

/**
 * lastSeenAt only keeps an idle session alive: no request waits for it, and while another process holds
 * the database's write lock it is skipped (the next request a minute later writes it).
 */
function touchInBackground(id: string, at: Date): void {
  touchSession(id, at).catch((error: unknown) => {
    if (!isDatabaseBusy(error)) console.error("deploylens: could not record session activity", error);
  });
}

export async function revokeSession(token: string): Promise<SessionUser | null> {
  const session = await revokeSessionByTokenHash(hashToken(token), new Date());
  return session && { id: session.user.id, name: session.user.name, role: session.user.role };
}
