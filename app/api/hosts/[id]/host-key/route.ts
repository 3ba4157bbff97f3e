import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { toHostView } from "@/lib/db/queries/hosts";
import { trustHostKey, trustInputSchema } from "@/lib/hosts/trust-host-key";

// POST /api/hosts/:id/host-key — pin a fingerprint the server recorded and the user checked
export const POST = route(
  { role: "operator", body: trustInputSchema },
  async ({ body, by }, ctx: RouteContext<"/api/hosts/[id]/host-key">) => {
    const { id } = await ctx.params;
    return json(toHostView(await trustHostKey(id, body, by())));
  },
);
