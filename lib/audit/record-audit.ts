import "server-only";
import os from "node:os";
import { createAuditRow } from "@/lib/db/queries/audit";

export type AuditAction =
  | "sign-in"
  | "sign-in-failed"
  | "sign-out"
  | "user-created"
  | "user-changed"
  | "user-removed"
  | "host-created"
  | "host-edited"
  | "host-removed"
  | "host-key-accepted"
  | "host-key-replaced"
  | "collection-started"
  | "observation-started"
  | "service-restarted"
  | "share-created"
  | "share-revoked";

export type AuditEntry = {
  actor: string | null;
  address: string | null;
  action: AuditAction;
  object?: { type: string; id: string };
  detail?: Record<string, unknown>;
};

/** Who did it and from where: a user and their address, or cliActor(). */
export type AuditActor = Pick<AuditEntry, "actor" | "address">;

/** A caller that names no one (a script or a test calling lib directly) is recorded as no actor. */
export const NO_ACTOR: AuditActor = { actor: null, address: null };

/** Who runs the CLI: it has no session or address, so the operating-system account stands for the actor. */
export function cliActor(): AuditActor {
  return { actor: `cli:${os.userInfo().username}`, address: null };
}

/** Appends one event. Callers never put a secret in `detail`. */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  await createAuditRow({
    actor: entry.actor,
    address: entry.address,
    action: entry.action,
    objectType: entry.object?.type ?? null,
    objectId: entry.object?.id ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  });
}
