import { z } from "zod";
import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { createShare, listShareViews } from "@/lib/shares/shares";

// GET /api/shares — every public link, with its state (active, expired, revoked)
export const GET = route({ role: "viewer" }, async () => json(await listShareViews()));

// POST /api/shares — { left, right, expires? }: a public read-only link; the token is in `url`, once
export const POST = route({ role: "viewer", body: z.unknown() }, async ({ body, by }) =>
  json(await createShare(body, by()), 201),
);
