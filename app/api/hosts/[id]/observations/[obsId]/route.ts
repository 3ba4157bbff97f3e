import { json } from "@/lib/http/json";
import { route } from "@/lib/http/route";
import { getHostOrThrow } from "@/lib/db/queries/hosts";
import { findObservation } from "@/lib/db/queries/observations";
import { NotFoundError } from "@/lib/errors";
import { errorBody } from "@/lib/http/to-error-response";
import { publicObservation } from "@/lib/snapshot/observation-schema";
import { findRunningObservation } from "@/lib/jobs/running-observations";

// GET /api/hosts/:id/observations/:obsId — the observation; 202 { state } while it still watches
export const GET = route(
  { role: "viewer" },
  async (_call, ctx: RouteContext<"/api/hosts/[id]/observations/[obsId]">) => {
    const { id, obsId } = await ctx.params;
    const host = await getHostOrThrow(id);
    const stored = await findObservation(host.id, obsId);
    if (stored) return json(publicObservation(stored.body));
    const running = findRunningObservation(obsId);
    if (!running) throw new NotFoundError("observation", obsId);
    // A run that failed in the background answers 409 with its own code, whatever the status of that code.
    if (running.state === "failed") return errorBody(409, running.code, running.message);
    return json(running, 202);
  },
);
