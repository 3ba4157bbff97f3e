import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { createFirstUserRow, createUserRow, deleteUserByName, toUserView } from "@/lib/db/queries/users";
import { ConflictError } from "@/lib/errors";
import { hashPassword } from "./password";
import { userInputSchema } from "./user-input";

export type Actor = { actor: string | null; address: string | null };

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
