import type { Rule } from "./rule";
import { plural } from "./support/count-by";
import { workersCompileAgain } from "./support/workers-compile-again";

const id = "uwsgi-lazy-apps";

/** lazy-apps loads the app in each worker instead of once in the master. */
export const uwsgiLazyApps: Rule = {
  id,
  check(f) {
    const server = f.inventory.server;
    if (server?.kind !== "uwsgi" || !server.lazyApps?.value) return null;
    return workersCompileAgain(f, server, {
      id,
      title: (workers, blocked) =>
        `lazy-apps: each of ${plural(workers, "uwsgi worker")} compiles the ${plural(blocked, "blocked module")} again`,
      detail:
        "With lazy-apps every worker loads the application itself after the fork, so every worker compiles the modules " +
        "whose bytecode cannot be cached. Without it the master loads the app once and the workers inherit it. " +
        "Keep lazy-apps only when the app must not be shared across a fork (connections opened at import).",
      settings: ["workers", "lazyApps", "maxRequests"],
      fix: "Remove lazy-apps (--lazy-apps or lazy-apps = true in the ini file)",
    });
  },
};
