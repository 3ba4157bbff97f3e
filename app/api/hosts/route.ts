import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { listHosts, toHostView } from "@/lib/db/queries/hosts";
import { createHost } from "@/lib/hosts/create-host";

// GET /api/hosts — saved hosts, without credentials
export async function GET() {
  return handle(async () => json((await listHosts()).map(toHostView)));
}

// POST /api/hosts — save a host (body: hostInputSchema)
export async function POST(req: Request) {
  return handle(async () => json(toHostView(await createHost(await readJsonBody(req))), 201));
}
