import { z } from "zod";
import { json } from "@/lib/http/json";
import { parseBody, route } from "@/lib/http/route";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { startObservation } from "@/lib/jobs/running-observations";

const observeInputSchema = z.object({
  timeoutSeconds: z.number().positive().max(3600).default(600),
  quietSeconds: z.number().positive().max(60).default(2),
  restart: z.boolean().default(false),
});

// POST /api/hosts/:id/observations — arm the watches and observe the service's next start
export const POST = route(
  { role: "operator" },
  async ({ req, by }, ctx: RouteContext<"/api/hosts/[id]/observations">) => {
    const { id } = await ctx.params;
    const host = await getHostOrThrow(id);
    // The body is read after the host is found: an unknown host answers 404 whatever the body.
    const input = await parseBody(req, observeInputSchema);
    const obsId = startObservation(host, { ...input, actor: by() });
    return json({ id: obsId, state: "arming", url: `/api/hosts/${host.id}/observations/${obsId}` }, 202);
  },
);
