import { z } from "zod";
import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { requireRole } from "@/lib/auth/require-role";
import { clientAddress } from "@/lib/auth/client-address";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { startObservation } from "@/lib/jobs/running-observations";

const observeInputSchema = z.object({
  timeoutSeconds: z.number().positive().max(3600).default(600),
  quietSeconds: z.number().positive().max(60).default(2),
  restart: z.boolean().default(false),
});

// POST /api/hosts/:id/observations — arm the watches and observe the service's next start
export async function POST(req: Request, ctx: RouteContext<"/api/hosts/[id]/observations">) {
  return handle(async () => {
    const user = await requireRole(req, "operator");
    const { id } = await ctx.params;
    const host = await getHostOrThrow(id);
    const input = observeInputSchema.parse(await readJsonBody(req));
    const obsId = startObservation(host, { ...input, actor: { actor: user.name, address: clientAddress(req) } });
    return json({ id: obsId, state: "arming", url: `/api/hosts/${host.id}/observations/${obsId}` }, 202);
  });
}
