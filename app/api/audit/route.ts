import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { listAuditPage } from "@/lib/audit/list-audit-page";

// GET /api/audit?before=<id>&limit=50 — the audit log, newest first; `next` is the following page's cursor
export const GET = route({ role: "admin" }, async ({ req }) => {
  const params = new URL(req.url).searchParams;
  return json(
    await listAuditPage({ before: params.get("before") ?? undefined, limit: params.get("limit") ?? undefined }),
  );
});
