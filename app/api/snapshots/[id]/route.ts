import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { baseUrl } from "@/lib/base-url";
import { getSnapshotOrThrow } from "@/lib/db/queries/snapshots";
import { snapshotJsonOf } from "@/lib/api/snapshot-json";
import { viewOfSnapshot } from "@/lib/api/view-of-snapshot";
import { requireRole } from "@/lib/auth/require-role";

// GET /api/snapshots/:id — the snapshot as `collect --json` prints it
export async function GET(req: Request, ctx: RouteContext<"/api/snapshots/[id]">) {
  return handle(async () => {
    await requireRole(req, "viewer");
    const { id } = await ctx.params;
    const row = await getSnapshotOrThrow(id);
    return json(snapshotJsonOf(row, await viewOfSnapshot(row), baseUrl(req)));
  });
}
