import { z } from "zod";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { toHostView } from "@/lib/db/queries/hosts";
import { listHostViews } from "@/lib/hosts/host-views";
import { createHost } from "@/lib/hosts/create-host";

// GET /api/hosts — saved hosts, without credentials
export const GET = route({ role: "viewer" }, async () => json(await listHostViews()));

// POST /api/hosts — save a host (body: hostInputSchema, which createHost applies after resolving `ssh` text)
export const POST = route({ role: "operator", body: z.unknown() }, async ({ body, by }) =>
  json(toHostView(await createHost(body, by())), 201),
);
