import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { clientAddress } from "@/lib/auth/client-address";
import { requireRole } from "@/lib/auth/require-role";
import { hasRole } from "@/lib/auth/roles";
import { revokeShare } from "@/lib/shares/shares";

// DELETE /api/shares/:id — revoke a public link (your own, or any as admin); it answers 404 from now on
export async function DELETE(req: Request, ctx: RouteContext<"/api/shares/[id]">) {
  return handle(async () => {
    const user = await requireRole(req, "viewer");
    const { id } = await ctx.params;
    const by = { actor: user.name, address: clientAddress(req) };
    return json(await revokeShare(id, by, { mayRevokeAny: hasRole(user.role, "admin") }));
  });
}
