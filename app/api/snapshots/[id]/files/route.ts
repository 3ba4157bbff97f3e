import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { fileQuerySchema, listSnapshotFiles } from "@/lib/snapshot-reads/snapshot-files";

// GET /api/snapshots/:id/files?q=&status=fresh,stale&blocked=1&offset=&limit= — a page of the file table
export const GET = route({ role: "viewer" }, async ({ req }, ctx: RouteContext<"/api/snapshots/[id]/files">) => {
  const { id } = await ctx.params;
  const query = fileQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return json(await listSnapshotFiles(id, query));
});
