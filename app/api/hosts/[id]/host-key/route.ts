import { z } from "zod";
import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { getHostOrThrow, pinHostKey, toHostView } from "@/lib/db/queries/hosts";
import { requireRole } from "@/lib/auth/require-role";
import { recordAudit } from "@/lib/audit/record-audit";
import { clientAddress } from "@/lib/auth/client-address";

const trustSchema = z.object({
  endpoint: z.enum(["target", "jump"]).default("target"),
  fingerprint: z.string().regex(/^SHA256:[A-Za-z0-9+/]{43}$/, "an OpenSSH SHA256 fingerprint"),
});

// POST /api/hosts/:id/host-key — pin the fingerprint the user has checked and accepted
export async function POST(req: Request, ctx: RouteContext<"/api/hosts/[id]/host-key">) {
  return handle(async () => {
    const user = await requireRole(req, "operator");
    const { id } = await ctx.params;
    const host = await getHostOrThrow(id);
    const { endpoint, fingerprint } = trustSchema.parse(await readJsonBody(req));
    const previous = endpoint === "target" ? host.hostKeySha256 : host.jumpKeySha256;
    await pinHostKey(host.id, endpoint, fingerprint);
    const action = previous && previous !== fingerprint ? "host-key-replaced" : "host-key-accepted";
    await recordAudit({ actor: user.name, address: clientAddress(req), action, object: { type: "host", id: host.name }, detail: { endpoint, fingerprint, previous } });
    return json(toHostView(await getHostOrThrow(host.id)));
  });
}
