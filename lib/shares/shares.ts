import "server-only";
import { z } from "zod";
import { hashToken, newSecretToken } from "@/lib/auth/secret-token";
import type { Actor } from "@/lib/auth/users";
import { recordAudit } from "@/lib/audit/record-audit";
import { ForbiddenError } from "@/lib/auth/auth-errors";
import { NotFoundError } from "@/lib/errors";
import { resolveSnapshotRow } from "@/lib/compare/resolve-snapshot";
import {
  createShareRow,
  findShareById,
  findShareByTokenHash,
  listShares,
  revokeShareRow,
  type ShareRow,
} from "@/lib/db/queries/shares";
import { shareExpiry } from "./share-expiry";

export const shareInputSchema = z.object({
  left: z.string().min(1).max(200),
  right: z.string().min(1).max(200),
  expires: z.union([z.string().max(20), z.number().int().positive()]).optional(),
});

export function sharePath(token: string): string {
  return `/share/${token}`;
}

export function toShareView(share: ShareRow, now = Date.now()) {
  const state = share.revokedAt ? "revoked" : share.expiresAt.getTime() <= now ? "expired" : "active";
  return {
    id: share.id,
    left: share.leftSnapshotId,
    right: share.rightSnapshotId,
    createdBy: share.createdBy,
    createdAt: share.createdAt.toISOString(),
    expiresAt: share.expiresAt.toISOString(),
    state,
  };
}

/**
 * A public read-only link to one comparison, pinned to the two snapshot ids the refs name now.
 * The token is shown once, here; only its hash is stored.
 */
export async function createShare(input: unknown, by: Actor) {
  const { left, right, expires } = shareInputSchema.parse(input);
  const expiresAt = shareExpiry(expires);
  const [l, r] = await Promise.all([resolveSnapshotRow(left), resolveSnapshotRow(right)]);
  const token = newSecretToken();
  const share = await createShareRow({
    tokenHash: hashToken(token),
    leftSnapshotId: l.id,
    rightSnapshotId: r.id,
    createdBy: by.actor,
    expiresAt,
  });
  await recordAudit({
    ...by,
    action: "share-created",
    object: { type: "share", id: share.id },
    detail: { left: l.id, right: r.id, expiresAt },
  });
  return { id: share.id, url: sharePath(token), expiresAt: share.expiresAt.toISOString() };
}

export async function listShareViews() {
  return (await listShares()).map((share) => toShareView(share));
}

/**
 * Revokes a public link. Its creator may; anyone else needs `mayRevokeAny` (an admin, or the CLI, which
 * holds the database already). The audit names the revoker as actor and the creator in its detail.
 */
export async function revokeShare(id: string, by: Actor, options: { mayRevokeAny: boolean }) {
  const existing = await findShareById(id);
  if (!existing) throw new NotFoundError("share", id);
  if (existing.createdBy !== by.actor && !options.mayRevokeAny)
    throw new ForbiddenError("only an admin may revoke a link someone else made", "role-required");
  const share = await revokeShareRow(id, new Date());
  await recordAudit({
    ...by,
    action: "share-revoked",
    object: { type: "share", id: share.id },
    detail: { createdBy: share.createdBy },
  });
  return toShareView(share);
}

/** The share a public link names, or null when it is unknown, revoked or expired (the page answers 404). */
export async function findLiveShare(token: string): Promise<ShareRow | null> {
  const share = await findShareByTokenHash(hashToken(token));
  if (!share || share.revokedAt || share.expiresAt.getTime() <= Date.now()) return null;
  return share;
}
