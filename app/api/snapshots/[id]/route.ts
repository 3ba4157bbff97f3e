import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { snapshotJsonOf } from "@/lib/snapshot-reads/snapshot-json";
import { getSnapshotAndViewOrThrow } from "@/lib/snapshot-reads/snapshot-and-view";
import { baseUrl } from "@/lib/base-url";

// GET /api/snapshots/:id — the snapshot as `collect --json` prints it, from the view stored with it
export const GET = route({ role: "viewer" }, async ({ req }, ctx: RouteContext<"/api/snapshots/[id]">) => {
  const { id } = await ctx.params;
  const { row, view } = await getSnapshotAndViewOrThrow(id);
  return json(snapshotJsonOf(row, view, baseUrl(req)));
});
