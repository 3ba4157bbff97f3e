import { z } from "zod";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { changeUser, removeUser } from "@/lib/auth/users";
import { ConflictError } from "@/lib/errors";

// An admin cannot lock themselves out: their own account is neither removed nor demoted from here.
function refuseSelf(actor: string, name: string, what: string) {
  if (actor === name) throw new ConflictError(`you cannot ${what} your own account; ask another admin`, "self");
}

/** The role a change asks for, if any (changeUser validates the whole body). */
function requestedRole(body: unknown): unknown {
  return typeof body === "object" && body !== null && "role" in body ? body.role : undefined;
}

// PATCH /api/users/:name — { role?, password? }: change a role or reset a password (ends that user's sessions)
export const PATCH = route(
  { role: "admin", body: z.unknown() },
  async ({ user, by, body }, ctx: RouteContext<"/api/users/[name]">) => {
    const { name } = await ctx.params;
    const role = requestedRole(body);
    if (role !== undefined && role !== "admin") refuseSelf(user.name, name, "demote");
    return json(await changeUser(name, body, by()));
  },
);

// DELETE /api/users/:name — remove an account
export const DELETE = route({ role: "admin" }, async ({ user, by }, ctx: RouteContext<"/api/users/[name]">) => {
  const { name } = await ctx.params;
  refuseSelf(user.name, name, "remove");
  return json(await removeUser(name, by()));
});
