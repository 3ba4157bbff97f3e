import { z } from "zod";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { ForbiddenError } from "@/lib/auth/auth-errors";
import { forgetSetupToken, isSetupToken } from "@/lib/auth/setup-token";
import { createFirstAdmin } from "@/lib/auth/users";

const setupSchema = z.object({ token: z.string().max(200), name: z.string(), password: z.string() });

// POST /api/setup — { token, name, password }: the first admin, only with the link printed at start-up
export const POST = route({ role: "public", body: setupSchema }, async ({ body, by }) => {
  const { token, name, password } = body;
  if (!isSetupToken(token))
    throw new ForbiddenError("this setup link is not valid (it is printed on the server's console)", "bad-setup-token");
  const user = await createFirstAdmin({ name, password }, by());
  forgetSetupToken();
  return json(user, 201);
});
