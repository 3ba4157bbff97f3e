import { handle } from "@/lib/api/to-error-response";
import { json } from "@/lib/api/json";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { listSnapshots } from "@/lib/db/queries/snapshots";
import { startCollection } from "@/lib/jobs/collection-queue";
import { requireRole } from "@/lib/auth/require-role";
import { recordAuditOfDoneAction } from "@/lib/audit/record-audit-of-done-action";
import { clientAddress } from "@/lib/auth/client-address";

// GET /api/hosts/:id/snapshots — summary rows, newest first
export async function GET(req: Request, ctx: RouteContext<"/api/hosts/[id]/snapshots">) {
  return handle(async () => {
    await requireRole(req, "viewer");
    const { id } = await ctx.params;
    const host = await getHostOrThrow(id);
    return json(await listSnapshots(host.id));
  });
}

// POST /api/hosts/:id/snapshots — start a collection; progress at /api/jobs/:jobId/events
export async function POST(req: Request, ctx: RouteContext<"/api/hosts/[id]/snapshots">) {
  return handle(async () => {
    const user = await requireRole(req, "operator");
    const { id } = await ctx.params;
    const host = await getHostOrThrow(id);
    const job = startCollection(host, user.name);
    // The job runs from here on: a locked database may delay its audit event, not turn this 202 into an error.
    await recordAuditOfDoneAction({
      actor: user.name,
      address: clientAddress(req),
      action: "collection-started",
      object: { type: "host", id: host.name },
      detail: { jobId: job.id },
    });
    return json({ jobId: job.id, state: job.state, events: `/api/jobs/${job.id}/events` }, 202);
  });
}
