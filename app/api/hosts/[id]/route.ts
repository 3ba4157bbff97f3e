import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { getHostOrThrow, toHostView } from "@/lib/db/queries/hosts";
import { applyHostForm } from "@/lib/hosts/apply-host-form";
import { requireRole } from "@/lib/auth/require-role";
import { clientAddress } from "@/lib/auth/client-address";
import { removeHost } from "@/lib/hosts/remove-host";

// GET /api/hosts/:id — one host (id or name), without credentials
export async function GET(req: Request, ctx: RouteContext<"/api/hosts/[id]">) {
  return handle(async () => {
    await requireRole(req, "viewer");
    const { id } = await ctx.params;
    return json(toHostView(await getHostOrThrow(id)));
  });
}

// PATCH /api/hosts/:id — save the edit form (hostInputSchema; name and transport fixed, blank secrets kept)
export async function PATCH(req: Request, ctx: RouteContext<"/api/hosts/[id]">) {
  return handle(async () => {
    const user = await requireRole(req, "operator");
    const { id } = await ctx.params;
    const by = { actor: user.name, address: clientAddress(req) };
    return json(toHostView(await applyHostForm(await getHostOrThrow(id), await readJsonBody(req), by)));
  });
}

// DELETE /api/hosts/:id — remove a host and its snapshots (audited as host-removed)
export async function DELETE(req: Request, ctx: RouteContext<"/api/hosts/[id]">) {
  return handle(async () => {
    const user = await requireRole(req, "operator");
    const { id } = await ctx.params;
    const host = await getHostOrThrow(id);
    await removeHost(host, { actor: user.name, address: clientAddress(req) });
    return json({ removed: host.name });
  });
}
