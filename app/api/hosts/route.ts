import { z } from "zod";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { listHosts, toHostView } from "@/lib/db/queries/hosts";
import { createHost } from "@/lib/hosts/create-host";

// GET /api/hosts — saved hosts, without credentials
export const GET = route({ role: "viewer" }, async () => json((await listHosts()).map(toHostView)));

// POST /api/hosts — save a host (body: hostInputSchema, which createHost applies after resolving `ssh` text)
export const POST = route({ role: "operator", body: z.unknown() }, async ({ body, by }) =>
  json(toHostView(await createHost(body, by())), 201),
);
