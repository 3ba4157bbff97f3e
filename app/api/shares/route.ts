import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { clientAddress } from "@/lib/auth/client-address";
import { requireRole } from "@/lib/auth/require-role";
import { createShare, listShareViews } from "@/lib/shares/shares";

// GET /api/shares — every public link, with its state (active, expired, revoked)
export async function GET(req: Request) {
  return handle(async () => {
    await requireRole(req, "viewer");
    return json(await listShareViews());
  });
}

// POST /api/shares — { left, right, expires? }: a public read-only link; the token is in `url`, once
export async function POST(req: Request) {
  return handle(async () => {
    const user = await requireRole(req, "viewer");
    return json(await createShare(await readJsonBody(req), { actor: user.name, address: clientAddress(req) }), 201);
  });
}
