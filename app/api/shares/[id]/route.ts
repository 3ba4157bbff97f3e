import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { hasRole } from "@/lib/auth/roles";
import { revokeShare } from "@/lib/shares/shares";

// DELETE /api/shares/:id — revoke a public link (your own, or any as admin); it answers 404 from now on
export const DELETE = route({ role: "viewer" }, async ({ user, by }, ctx: RouteContext<"/api/shares/[id]">) => {
  const { id } = await ctx.params;
  return json(await revokeShare(id, by(), { mayRevokeAny: hasRole(user.role, "admin") }));
});
