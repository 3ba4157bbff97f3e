import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { snapshotJsonOf } from "@/lib/snapshot-reads/snapshot-json";
import { viewOfSnapshot } from "@/lib/snapshot-reads/view-of-snapshot";
import { baseUrl } from "@/lib/base-url";
import { getSnapshotOrThrow } from "@/lib/db/queries/snapshots";

// GET /api/snapshots/:id — the snapshot as `collect --json` prints it, from the view stored with it
export const GET = route({ role: "viewer" }, async ({ req }, ctx: RouteContext<"/api/snapshots/[id]">) => {
  const { id } = await ctx.params;
  const row = await getSnapshotOrThrow(id);
  return json(snapshotJsonOf(row, await viewOfSnapshot(row), baseUrl(req)));
});
