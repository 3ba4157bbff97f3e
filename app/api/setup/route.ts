import { z } from "zod";
import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { readJsonBody } from "@/lib/api/read-json-body";
import { clientAddress } from "@/lib/auth/client-address";
import { ForbiddenError } from "@/lib/auth/auth-errors";
import { requireSameSite } from "@/lib/auth/require-role";
import { forgetSetupToken, isSetupToken } from "@/lib/auth/setup-token";
import { createFirstAdmin } from "@/lib/auth/users";

const setupSchema = z.object({ token: z.string().max(200), name: z.string(), password: z.string() });

// POST /api/setup — { token, name, password }: the first admin, only with the link printed at start-up
export async function POST(req: Request) {
  return handle(async () => {
    requireSameSite(req);
    const { token, name, password } = setupSchema.parse(await readJsonBody(req));
    if (!isSetupToken(token))
      throw new ForbiddenError(
        "this setup link is not valid (it is printed on the server's console)",
        "bad-setup-token",
      );
    const user = await createFirstAdmin({ name, password }, { actor: null, address: clientAddress(req) });
    forgetSetupToken();
    return json(user, 201);
  });
}
