import type { Rule } from "./rule";
import { plural } from "./support/count-by";
import { blockedEvidence, blockedStartupModules, execStartStep, serverEvidence } from "./support/server-facts";

const id = "max-requests-recompile";

/** max-requests replaces workers; a new worker that imports the app compiles the blocked modules again. */
export const maxRequestsRecompile: Rule = {
  id,
  check(f) {
    const server = f.inventory.server;
    const max = server?.maxRequests?.value ?? 0;
    // Celery's pool and a preloaded gunicorn/uwsgi fork from a parent that already imported the app.
    if (!server || max <= 0 || server.kind === "celery" || server.preload?.value) return null;
    const blocked = blockedStartupModules(f);
    if (blocked === 0) return null;
    const jitter = server.maxRequestsJitter?.value ?? 0;
    return {
      id,
      severity: "warning",
      title: `Every ${max} requests a worker is replaced and compiles ${plural(blocked, "blocked module")} again`,
      detail:
        `With max-requests ${max}${jitter ? ` (+ up to ${jitter} jitter)` : ""} a worker exits after that many requests and the server starts a new one, ` +
        "which imports the app from scratch: each new worker pays the compile cost again, all day, not only at restarts. " +
        "Recycles per day = requests per day / (max-requests + jitter / 2). Caching the bytecode removes the cost; preloading the app makes new workers inherit it.",
      evidence: [
        ...serverEvidence(server, ["workers", "maxRequests", "maxRequestsJitter", "preload"]),
        blockedEvidence(f),
      ],
      fix: [execStartStep(f, "Make the blocked modules cacheable (the bytecode finding's fix), or add --preload")],
    };
  },
};
