import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { getHostOrThrow, toHostView } from "@/lib/db/queries/hosts";
import { requireRole } from "@/lib/auth/require-role";

// GET /api/hosts/:id — one host (id or name), without credentials
export async function GET(req: Request, ctx: RouteContext<"/api/hosts/[id]">) {
  return handle(async () => {
    await requireRole(req, "viewer");
    const { id } = await ctx.params;
    return json(toHostView(await getHostOrThrow(id)));
  });
}
