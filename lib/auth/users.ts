import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import {
  createFirstUserRow,
  createUserRow,
  deleteUserByName,
  toUserView,
  updateUserByName,
} from "@/lib/db/queries/users";
import { ConflictError, ValidationError } from "@/lib/errors";
import { hashPassword } from "./password";
import { roleSchema } from "./roles";
import { passwordSchema, userInputSchema } from "./user-input";

export type Actor = { actor: string | null; address: string | null };

const userChangeSchema = z.object({ role: roleSchema.optional(), password: passwordSchema.optional() });

export async function createUser(input: unknown, by: Actor) {
  const { name, role, password } = userInputSchema.parse(input);
  const user = await createUserRow({ name, role, passwordHash: await hashPassword(password) });
  await recordAudit({ ...by, action: "user-created", object: { type: "user", id: user.name }, detail: { role } });
  return toUserView(user);
}

/** The setup link's job: the first admin, refused once any user exists. */
export async function createFirstAdmin(input: unknown, by: Actor) {
  const { name, password } = userInputSchema.parse({ ...(input as object), role: "admin" });
  const user = await createFirstUserRow({ name, role: "admin", passwordHash: await hashPassword(password) });
  if (!user) throw new ConflictError("the first user already exists; sign in instead", "already-set-up");
  await recordAudit({
    ...by,
    actor: by.actor ?? name,
    action: "user-created",
    object: { type: "user", id: name },
    detail: { role: "admin", via: "setup" },
  });
  return toUserView(user);
}

export async function removeUser(name: string, by: Actor) {
  const user = await deleteUserByName(name);
  await recordAudit({ ...by, action: "user-removed", object: { type: "user", id: user.name } });
  return toUserView(user);
}

/**
 * Changes a user's role and/or password and records `user-changed` (what changed, never the password).
 * A new password also ends every session the user has open, so a stolen cookie dies with the old one.
 */
export async function changeUser(name: string, input: unknown, by: Actor) {
  const { role, password } = userChangeSchema.parse(input);
  if (role === undefined && password === undefined)
    throw new ValidationError("say what to change: a role or a password");
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  const { before, after } = await updateUserByName(name, { role, passwordHash }, passwordHash ? new Date() : null);
  const detail: Record<string, unknown> = {};
  if (role !== undefined) Object.assign(detail, { role, previousRole: before.role });
  if (passwordHash) detail.password = "changed";
  await recordAudit({ ...by, action: "user-changed", object: { type: "user", id: after.name }, detail });
  return toUserView(after);
}
