import { z } from "zod";
import { json } from "@/lib/http/json";
import { parseBody, route } from "@/lib/http/route";
import { getHostOrThrow, toHostView } from "@/lib/db/queries/hosts";
import { applyHostForm } from "@/lib/hosts/apply-host-form";
import { removeHost } from "@/lib/hosts/remove-host";

// GET /api/hosts/:id — one host (id or name), without credentials
export const GET = route({ role: "viewer" }, async (_call, ctx: RouteContext<"/api/hosts/[id]">) => {
  const { id } = await ctx.params;
  return json(toHostView(await getHostOrThrow(id)));
});

// PATCH /api/hosts/:id — save the edit form (hostInputSchema; name and transport fixed, blank secrets kept)
export const PATCH = route({ role: "operator" }, async ({ req, by }, ctx: RouteContext<"/api/hosts/[id]">) => {
  const { id } = await ctx.params;
  const host = await getHostOrThrow(id);
  // applyHostForm validates the form against the host; the body is read after the host is found (404 first).
  return json(toHostView(await applyHostForm(host, await parseBody(req, z.unknown()), by())));
});

// DELETE /api/hosts/:id — remove a host and its snapshots (audited as host-removed)
export const DELETE = route({ role: "operator" }, async ({ by }, ctx: RouteContext<"/api/hosts/[id]">) => {
  const { id } = await ctx.params;
  const host = await getHostOrThrow(id);
  await removeHost(host, by());
  return json({ removed: host.name });
});
