import { json } from "@/lib/api/json";
import { route } from "@/lib/api/route";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { listSnapshots } from "@/lib/db/queries/snapshots";
import { queueCollection } from "@/lib/jobs/collections";
import { recordAuditOfDoneAction } from "@/lib/audit/record-audit-of-done-action";

// GET /api/hosts/:id/snapshots — summary rows, newest first
export const GET = route({ role: "viewer" }, async (_call, ctx: RouteContext<"/api/hosts/[id]/snapshots">) => {
  const { id } = await ctx.params;
  const host = await getHostOrThrow(id);
  return json(await listSnapshots(host.id));
});

// POST /api/hosts/:id/snapshots — start a collection; progress at /api/jobs/:jobId/events
export const POST = route(
  { role: "operator" },
  async ({ user, by }, ctx: RouteContext<"/api/hosts/[id]/snapshots">) => {
    const { id } = await ctx.params;
    const host = await getHostOrThrow(id);
    const job = await queueCollection(host, user.name);
    // The job runs from here on: a locked database may delay its audit event, not turn this 202 into an error.
    await recordAuditOfDoneAction({
      ...by(),
      action: "collection-started",
      object: { type: "host", id: host.name },
      detail: { jobId: job.id },
    });
    return json({ jobId: job.id, state: job.state, events: `/api/jobs/${job.id}/events` }, 202);
  },
);
