import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { clientAddress } from "@/lib/auth/client-address";
import { requireRole } from "@/lib/auth/require-role";
import { changeUser, removeUser } from "@/lib/auth/users";
import { ConflictError } from "@/lib/errors";

// An admin cannot lock themselves out: their own account is neither removed nor demoted from here.
function refuseSelf(actor: string, name: string, what: string) {
  if (actor === name) throw new ConflictError(`you cannot ${what} your own account; ask another admin`, "self");
}

// PATCH /api/users/:name — { role?, password? }: change a role or reset a password (ends that user's sessions)
export async function PATCH(req: Request, ctx: RouteContext<"/api/users/[name]">) {
  return handle(async () => {
    const user = await requireRole(req, "admin");
    const { name } = await ctx.params;
    const input = (await readJsonBody(req)) as { role?: unknown };
    if (input && typeof input === "object" && input.role !== undefined && input.role !== "admin")
      refuseSelf(user.name, name, "demote");
    return json(await changeUser(name, input, { actor: user.name, address: clientAddress(req) }));
  });
}

// DELETE /api/users/:name — remove an account
export async function DELETE(req: Request, ctx: RouteContext<"/api/users/[name]">) {
  return handle(async () => {
    const user = await requireRole(req, "admin");
    const { name } = await ctx.params;
    refuseSelf(user.name, name, "remove");
    return json(await removeUser(name, { actor: user.name, address: clientAddress(req) }));
  });
}
