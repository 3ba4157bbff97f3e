import "server-only";
import { prisma } from "@/lib/db/client";
import type { Session, User } from "@/lib/db/generated/client";

export type SessionWithUser = Session & { user: User };

export async function createSessionRow(data: {
  tokenHash: string;
  userId: string;
  expiresAt: Date;
  address: string | null;
}) {
  return prisma.session.create({ data });
}

export async function findSessionByTokenHash(tokenHash: string): Promise<SessionWithUser | null> {
  return prisma.session.findUnique({ where: { tokenHash }, include: { user: true } });
}

export async function touchSession(id: string, at: Date): Promise<void> {
  await prisma.session.update({ where: { id }, data: { lastSeenAt: at } });
}

export async function revokeSessionByTokenHash(tokenHash: string, at: Date): Promise<SessionWithUser | null> {
  const session = await findSessionByTokenHash(tokenHash);
  if (!session || session.revokedAt) return null;
  await prisma.session.update({ where: { id: session.id }, data: { revokedAt: at } });
  return session;
}
