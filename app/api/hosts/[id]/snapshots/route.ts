import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { getHostViewOrThrow } from "@/lib/hosts/host-views";
import { listHostHistory } from "@/lib/snapshot-reads/host-snapshots";
import { queueCollection } from "@/lib/jobs/collections";
import { requestCollection } from "@/lib/jobs/request-collection";

// GET /api/hosts/:id/snapshots — summary rows, newest first
export const GET = route({ role: "viewer" }, async (_call, ctx: RouteContext<"/api/hosts/[id]/snapshots">) => {
  const { id } = await ctx.params;
  const host = await getHostViewOrThrow(id);
  return json(await listHostHistory(host.id));
});

// POST /api/hosts/:id/snapshots — start a collection; progress at /api/jobs/:jobId/events
export const POST = route({ role: "operator" }, async ({ by }, ctx: RouteContext<"/api/hosts/[id]/snapshots">) => {
  const { id } = await ctx.params;
  const job = await requestCollection(await getHostOrThrow(id), by(), queueCollection);
  return json({ jobId: job.id, state: job.state, events: `/api/jobs/${job.id}/events` }, 202);
});
