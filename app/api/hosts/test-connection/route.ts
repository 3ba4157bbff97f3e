import { z } from "zod";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { testConnection } from "@/lib/hosts/test-connection";

// POST /api/hosts/test-connection — connect with the host form's settings and probe the target, read-only
export const POST = route({ role: "operator", body: z.unknown() }, async ({ body }) =>
  json(await testConnection(body)),
);
