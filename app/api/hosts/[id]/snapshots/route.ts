import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { listSnapshots } from "@/lib/db/queries/snapshots";
import { startCollection } from "@/lib/jobs/collection-queue";

// GET /api/hosts/:id/snapshots — summary rows, newest first
export async function GET(_req: Request, ctx: RouteContext<"/api/hosts/[id]/snapshots">) {
  return handle(async () => {
    const { id } = await ctx.params;
    const host = await getHostOrThrow(id);
    return json(await listSnapshots(host.id));
  });
}

// POST /api/hosts/:id/snapshots — start a collection; progress at /api/jobs/:jobId/events
export async function POST(_req: Request, ctx: RouteContext<"/api/hosts/[id]/snapshots">) {
  return handle(async () => {
    const { id } = await ctx.params;
    const job = startCollection(await getHostOrThrow(id));
    return json({ jobId: job.id, state: job.state, events: `/api/jobs/${job.id}/events` }, 202);
  });
}
