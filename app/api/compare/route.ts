import { json } from "@/lib/api/json";
import { route } from "@/lib/api/route";
import { baseUrl } from "@/lib/base-url";
import { compareRefs } from "@/lib/compare/compare-refs";
import { parseCompareQuery } from "@/lib/compare/compare-query";

// GET /api/compare?left=…&right=… — host names/ids (latest ok snapshot) or snapshot ids
export const GET = route({ role: "viewer" }, async ({ req }) => {
  const { left, right } = parseCompareQuery(req.url);
  const { comparison, url } = await compareRefs(left, right, baseUrl(req));
  return json({ ...comparison, url });
});
