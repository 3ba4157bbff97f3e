import type { StartupCounts } from "./startup-coverage";
import type { Finding } from "./types";

/**
 * The sentence a snapshot without findings shows. Only a snapshot whose startup closure has no blocked
 * module may say caching works; with blocked modules (or no closure to judge) it never does.
 */
export function cachingVerdict(findings: readonly Finding[], startup: StartupCounts | null): string | null {
  if (findings.length > 0) return null;
  if (!startup) return "No findings for the sources under the roots (this snapshot has no startup closure to judge).";
  if (startup.blocked > 0) {
    return `No rule explains it, but ${startup.blocked} of the ${startup.modules} startup modules are blocked: compiled at every start.`;
  }
  return "No findings: bytecode caching works for this service.";
}
