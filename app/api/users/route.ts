import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { clientAddress } from "@/lib/auth/client-address";
import { requireRole } from "@/lib/auth/require-role";
import { createUser } from "@/lib/auth/users";
import { listUsers, toUserView } from "@/lib/db/queries/users";

// GET /api/users — every account with its role (never a password hash); admins only
export async function GET(req: Request) {
  return handle(async () => {
    await requireRole(req, "admin");
    return json((await listUsers()).map(toUserView));
  });
}

// POST /api/users — { name, role, password }: add an account, as `deploylens users add` does
export async function POST(req: Request) {
  return handle(async () => {
    const user = await requireRole(req, "admin");
    return json(await createUser(await readJsonBody(req), { actor: user.name, address: clientAddress(req) }), 201);
  });
}
