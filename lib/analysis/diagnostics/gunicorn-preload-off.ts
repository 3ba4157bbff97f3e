import type { Rule } from "./rule";
import { plural } from "./support/count-by";
import { workersCompileAgain } from "./support/workers-compile-again";

const id = "gunicorn-preload-off";

/** Without --preload each worker imports the app itself, so each compiles the blocked modules again. */
export const gunicornPreloadOff: Rule = {
  id,
  check(f) {
    const server = f.inventory.server;
    if (server?.kind !== "gunicorn" || server.preload?.value) return null;
    return workersCompileAgain(f, server, {
      id,
      title: (workers, blocked) =>
        `Each of ${plural(workers, "gunicorn worker")} compiles the ${plural(blocked, "blocked module")} again`,
      detail:
        "Without --preload the gunicorn master does not import the application: every worker imports it after the fork, " +
        "so every worker compiles the modules whose bytecode cannot be cached. With --preload the master imports it once " +
        "and the workers inherit it, so the cost is paid once per start and recycled workers pay nothing. " +
        "Preloading suits apps that open no sockets or database connections at import time; --reload does not work with it.",
      settings: ["workers", "preload", "maxRequests"],
      fix: "Add --preload (or preload_app = True in the gunicorn config file)",
    });
  },
};
