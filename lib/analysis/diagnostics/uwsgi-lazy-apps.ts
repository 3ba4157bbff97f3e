import type { Rule } from "./rule";
import { plural } from "./support/count-by";
import { blockedEvidence, blockedStartupModules, execStartStep, serverEvidence } from "./support/server-facts";

const id = "uwsgi-lazy-apps";

/** lazy-apps loads the app in each worker instead of once in the master. */
export const uwsgiLazyApps: Rule = {
  id,
  check(f) {
    const server = f.inventory.server;
    if (server?.kind !== "uwsgi" || !server.lazyApps?.value) return null;
    const workers = server.workers?.value ?? 1;
    const blocked = blockedStartupModules(f);
    if (workers < 2 || blocked === 0) return null;
    return {
      id,
      severity: "warning",
      title: `lazy-apps: each of ${plural(workers, "uwsgi worker")} compiles the ${plural(blocked, "blocked module")} again`,
      detail:
        "With lazy-apps every worker loads the application itself after the fork, so every worker compiles the modules " +
        "whose bytecode cannot be cached. Without it the master loads the app once and the workers inherit it. " +
        "Keep lazy-apps only when the app must not be shared across a fork (connections opened at import).",
      evidence: [...serverEvidence(server, ["workers", "lazyApps", "maxRequests"]), blockedEvidence(f)],
      fix: [execStartStep(f, "Remove lazy-apps (--lazy-apps or lazy-apps = true in the ini file)")],
    };
  },
};
