import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { fileQuerySchema, listSnapshotFiles } from "@/lib/api/snapshot-files";
import { requireRole } from "@/lib/auth/require-role";

// GET /api/snapshots/:id/files?q=&status=fresh,stale&blocked=1&offset=&limit= — a page of the file table
export async function GET(req: Request, ctx: RouteContext<"/api/snapshots/[id]/files">) {
  return handle(async () => {
    await requireRole(req, "viewer");
    const { id } = await ctx.params;
    const query = fileQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return json(await listSnapshotFiles(id, query));
  });
}
