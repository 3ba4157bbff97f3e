import { json } from "@/lib/api/json";
import { route } from "@/lib/api/route";
import { baseUrl } from "@/lib/base-url";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { toSnapshotJson } from "@/lib/api/snapshot-json";

// GET /api/snapshots/:id — the snapshot as `collect --json` prints it
export const GET = route({ role: "viewer" }, async ({ req }, ctx: RouteContext<"/api/snapshots/[id]">) => {
  const { id } = await ctx.params;
  const { row, input } = await loadSnapshot(id);
  return json(toSnapshotJson(row, input, baseUrl(req)));
});
