import type { Server } from "@/lib/snapshot/schema";
import type { Finding } from "../../types";
import type { Facts } from "./facts";
import { blockedEvidence, blockedStartupModules, execStartStep, serverEvidence } from "./server-facts";

type Described = {
  id: string;
  title: (workers: number, blocked: number) => string;
  detail: string;
  settings: Parameters<typeof serverEvidence>[1];
  fix: string;
};

/**
 * The warning for a server whose workers each import the app after the fork (gunicorn without --preload, uwsgi
 * with lazy-apps), so each compiles the blocked startup modules again; null with one worker or none blocked.
 */
export function workersCompileAgain(f: Facts, server: Server, finding: Described): Finding | null {
  const workers = server.workers?.value ?? 1;
  const blocked = blockedStartupModules(f);
  if (workers < 2 || blocked === 0) return null;
  return {
    id: finding.id,
    severity: "warning",
    title: finding.title(workers, blocked),
    detail: finding.detail,
    evidence: [...serverEvidence(server, finding.settings), blockedEvidence(f)],
    fix: [execStartStep(f, finding.fix)],
  };
}
