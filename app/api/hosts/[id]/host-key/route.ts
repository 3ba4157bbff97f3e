import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { toHostView } from "@/lib/db/queries/hosts";
import { trustHostKey, type TrustInput } from "@/lib/hosts/trust-host-key";

// POST /api/hosts/:id/host-key — pin a fingerprint the server recorded and the user checked
export async function POST(req: Request, ctx: RouteContext<"/api/hosts/[id]/host-key">) {
  return handle(async () => {
    const { id } = await ctx.params;
    const host = await trustHostKey(id, (await readJsonBody(req)) as TrustInput);
    return json(toHostView(host));
  });
}
