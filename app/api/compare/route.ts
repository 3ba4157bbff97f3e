import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { baseUrl } from "@/lib/base-url";
import { compareRefs } from "@/lib/compare/compare-refs";
import { parseCompareQuery } from "@/lib/compare/compare-query";

// GET /api/compare?left=…&right=… — host names/ids (latest ok snapshot) or snapshot ids
export const GET = route({ role: "viewer" }, async ({ req }) => {
  const { left, right } = parseCompareQuery(req.url);
  const { comparison, url } = await compareRefs(left, right, baseUrl(req));
  return json({ ...comparison, url });
});
