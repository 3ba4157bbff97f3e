import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { listAuditPage } from "@/lib/audit/list-audit-page";
import { requireRole } from "@/lib/auth/require-role";

// GET /api/audit?before=<id>&limit=50 — the audit log, newest first; `next` is the following page's cursor
export async function GET(req: Request) {
  return handle(async () => {
    await requireRole(req, "admin");
    const params = new URL(req.url).searchParams;
    return json(
      await listAuditPage({ before: params.get("before") ?? undefined, limit: params.get("limit") ?? undefined }),
    );
  });
}
