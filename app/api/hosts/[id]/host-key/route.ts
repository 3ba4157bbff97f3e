import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { toHostView } from "@/lib/db/queries/hosts";
import { trustHostKey, trustInputSchema } from "@/lib/hosts/trust-host-key";
import { requireRole } from "@/lib/auth/require-role";
import { recordAudit } from "@/lib/audit/record-audit";
import { clientAddress } from "@/lib/auth/client-address";

// POST /api/hosts/:id/host-key — pin a fingerprint the server recorded and the user checked
export async function POST(req: Request, ctx: RouteContext<"/api/hosts/[id]/host-key">) {
  return handle(async () => {
    const user = await requireRole(req, "operator");
    const { id } = await ctx.params;
    const input = trustInputSchema.parse(await readJsonBody(req));
    const host = await trustHostKey(id, input);
    const action = input.replace ? "host-key-replaced" : "host-key-accepted";
    const hop = input.hop !== undefined ? { hop: input.hop } : {};
    const detail = {
      endpoint: input.endpoint,
      ...hop,
      fingerprint: input.fingerprint,
      previous: input.replace ?? null,
    };
    await recordAudit({
      actor: user.name,
      address: clientAddress(req),
      action,
      object: { type: "host", id: host.name },
      detail,
    });
    return json(toHostView(host));
  });
}
