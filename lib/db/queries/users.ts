import "server-only";
import { prisma } from "@/lib/db/client";
import type { User } from "@/lib/db/generated/client";
import { NotFoundError } from "@/lib/errors";

export type UserRow = User;

/** What any API, page or CLI listing may show of a user: never the password hash. */
export function toUserView(user: User) {
  return { id: user.id, name: user.name, role: user.role, createdAt: user.createdAt.toISOString() };
}

export async function countUsers(): Promise<number> {
  return prisma.user.count();
}

export async function listUsers(): Promise<User[]> {
  return prisma.user.findMany({ orderBy: { name: "asc" } });
}

export async function findUserByName(name: string): Promise<User | null> {
  return prisma.user.findUnique({ where: { name } });
}

export async function createUserRow(data: { name: string; role: string; passwordHash: string }): Promise<User> {
  return prisma.user.create({ data });
}

/** The first admin, only while there is no user at all: two setup requests at once cannot both win. */
export async function createFirstUserRow(data: {
  name: string;
  role: string;
  passwordHash: string;
}): Promise<User | null> {
  return prisma.$transaction(async (tx) => ((await tx.user.count()) > 0 ? null : tx.user.create({ data })));
}

export async function deleteUserByName(name: string): Promise<User> {
  const user = await findUserByName(name);
  if (!user) throw new NotFoundError("user", name);
  return prisma.user.delete({ where: { id: user.id } });
}

/** Changes a user's role and/or password hash, and revokes their open sessions in the same transaction. */
export async function updateUserByName(
  name: string,
  data: { role?: string; passwordHash?: string },
  revokeSessionsAt: Date | null,
): Promise<{ before: User; after: User }> {
  const before = await findUserByName(name);
  if (!before) throw new NotFoundError("user", name);
  const after = await prisma.$transaction(async (tx) => {
    if (revokeSessionsAt)
      await tx.session.updateMany({
        where: { userId: before.id, revokedAt: null },
        data: { revokedAt: revokeSessionsAt },
      });
    return tx.user.update({ where: { id: before.id }, data });
  });
  return { before, after };
}
