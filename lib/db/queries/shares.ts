import "server-only";
import { prisma } from "@/lib/db/client";
import type { Share } from "@/lib/db/generated/client";
import { NotFoundError } from "@/lib/errors";

export type ShareRow = Share;

export async function createShareRow(data: {
  tokenHash: string;
  leftSnapshotId: string;
  rightSnapshotId: string;
  createdBy: string | null;
  expiresAt: Date;
}): Promise<Share> {
  return prisma.share.create({ data });
}

export async function findShareById(id: string): Promise<Share | null> {
  return prisma.share.findUnique({ where: { id } });
}

export async function findShareByTokenHash(tokenHash: string): Promise<Share | null> {
  return prisma.share.findUnique({ where: { tokenHash } });
}

export async function listShares(): Promise<Share[]> {
  return prisma.share.findMany({ orderBy: { createdAt: "desc" } });
}

export async function revokeShareRow(id: string, at: Date): Promise<Share> {
  const share = await prisma.share.findUnique({ where: { id } });
  if (!share) throw new NotFoundError("share", id);
  if (share.revokedAt) return share;
  return prisma.share.update({ where: { id }, data: { revokedAt: at } });
}
