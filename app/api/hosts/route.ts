import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { listHosts, toHostView } from "@/lib/db/queries/hosts";
import { createHost } from "@/lib/hosts/create-host";
import { requireRole } from "@/lib/auth/require-role";
import { clientAddress } from "@/lib/auth/client-address";

// GET /api/hosts — saved hosts, without credentials
export async function GET(req: Request) {
  return handle(async () => {
    await requireRole(req, "viewer");
    return json((await listHosts()).map(toHostView));
  });
}

// POST /api/hosts — save a host (body: hostInputSchema)
export async function POST(req: Request) {
  return handle(async () => {
    const user = await requireRole(req, "operator");
    const host = await createHost(await readJsonBody(req), { actor: user.name, address: clientAddress(req) });
    return json(toHostView(host), 201);
  });
}
