import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { requireRole } from "@/lib/auth/require-role";
import { testConnection } from "@/lib/hosts/test-connection";

// POST /api/hosts/test-connection — connect with the host form's settings and probe the target, read-only
export async function POST(req: Request) {
  return handle(async () => {
    await requireRole(req, "operator");
    return json(await testConnection(await readJsonBody(req)));
  });
}
