import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { baseUrl } from "@/lib/base-url";
import { loadSnapshot } from "@/lib/db/load-snapshot";
import { toSnapshotJson } from "@/lib/api/snapshot-json";
import { requireRole } from "@/lib/auth/require-role";

// GET /api/snapshots/:id — the snapshot as `collect --json` prints it
export async function GET(req: Request, ctx: RouteContext<"/api/snapshots/[id]">) {
  return handle(async () => {
    await requireRole(req, "viewer");
    const { id } = await ctx.params;
    const { row, input } = await loadSnapshot(id);
    return json(toSnapshotJson(row, input, baseUrl(req)));
  });
}
