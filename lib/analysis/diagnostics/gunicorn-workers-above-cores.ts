import type { Rule } from "./rule";
import { execStartStep, serverEvidence } from "./support/server-facts";

const id = "gunicorn-workers-above-cores";

/** gunicorn's own guidance is 2 × cores + 1 workers; far more only adds processes that each pay the start. */
export const gunicornWorkersAboveCores: Rule = {
  id,
  check(f) {
    const server = f.inventory.server;
    const workers = server?.workers?.value ?? 0;
    if (server?.kind !== "gunicorn" || !server.cores) return null;
    const suggested = 2 * server.cores + 1;
    if (workers <= 2 * suggested) return null;
    return {
      id,
      severity: "info",
      title: `${workers} gunicorn workers on ${server.cores} cores`,
      detail:
        `gunicorn suggests 2 × cores + 1 = ${suggested} synchronous workers. Each further worker costs memory and, ` +
        "without --preload, imports the app at every start; on this many workers they also compete for the cores while they start.",
      evidence: [
        ...serverEvidence(server, ["workers", "threads", "preload"]),
        { label: "Cores", value: String(server.cores) },
      ],
      fix: [execStartStep(f, `Set --workers ${suggested} (or a number you measured)`)],
    };
  },
};
