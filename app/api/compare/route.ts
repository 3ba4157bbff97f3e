import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { baseUrl } from "@/lib/base-url";
import { compareRefs } from "@/lib/compare/compare-refs";
import { parseCompareQuery } from "@/lib/compare/compare-query";
import { requireRole } from "@/lib/auth/require-role";

// GET /api/compare?left=…&right=… — host names/ids (latest ok snapshot) or snapshot ids
export async function GET(req: Request) {
  return handle(async () => {
    await requireRole(req, "viewer");
    const { left, right } = parseCompareQuery(req.url);
    const { comparison, url } = await compareRefs(left, right, baseUrl(req));
    return json({ ...comparison, url });
  });
}
