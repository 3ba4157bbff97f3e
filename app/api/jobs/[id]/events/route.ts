import { route } from "@/lib/http/route";
import { NotFoundError } from "@/lib/errors";
import { findCollectionJob } from "@/lib/jobs/collections";
import { jobEventStream } from "@/lib/jobs/job-event-stream";

export const dynamic = "force-dynamic";

// GET /api/jobs/:id/events — Server-Sent Events: "progress" while collecting, then one "snapshot"
export const GET = route({ role: "viewer" }, async ({ req }, ctx: RouteContext<"/api/jobs/[id]/events">) => {
  const { id } = await ctx.params;
  const job = await findCollectionJob(id);
  if (!job) throw new NotFoundError("job", id);
  return new Response(jobEventStream(job, req.signal), {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
    },
  });
});
