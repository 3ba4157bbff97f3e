import { route } from "@/lib/http/route";
import { baseUrl } from "@/lib/base-url";
import { escapeControlsInJson } from "@/lib/analysis/export/escape-controls";
import { exportComparison } from "@/lib/compare/export-comparison";
import { compareRefs } from "@/lib/compare/compare-refs";
import { parseCompareQuery } from "@/lib/compare/compare-query";

const TYPES = {
  json: "application/json",
  markdown: "text/markdown; charset=utf-8",
  csv: "text/csv; charset=utf-8",
} as const;
const EXTENSIONS = { json: "json", markdown: "md", csv: "csv" } as const;

// GET /api/compare/export?left=…&right=…&format=markdown|csv|json — the comparison as a file
export const GET = route({ role: "viewer" }, async ({ req }) => {
  const { left, right, format } = parseCompareQuery(req.url);
  const { comparison, url } = await compareRefs(left, right, baseUrl(req), { allRows: format === "csv" });
  const body =
    format === "json"
      ? escapeControlsInJson(JSON.stringify({ ...comparison, url }, null, 2))
      : exportComparison(comparison, format);
  return new Response(body, {
    headers: {
      "content-type": TYPES[format],
      "content-disposition": `attachment; filename="deploylens-compare.${EXTENSIONS[format]}"`,
    },
  });
});
