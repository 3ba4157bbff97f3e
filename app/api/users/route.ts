import { z } from "zod";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { createUser } from "@/lib/auth/users";
import { listUsers, toUserView } from "@/lib/db/queries/users";

// GET /api/users — every account with its role (never a password hash); admins only
export const GET = route({ role: "admin" }, async () => json((await listUsers()).map(toUserView)));

// POST /api/users — { name, role, password }: add an account, as `deploylens users add` does
export const POST = route({ role: "admin", body: z.unknown() }, async ({ body, by }) =>
  json(await createUser(body, by()), 201),
);
