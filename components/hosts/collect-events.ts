/** The SSE payloads of GET /api/jobs/:id/events, as the collect button reads them. */
export type CollectProgress = { phase: string; dirs: number; files: number };
export type CollectDone = { snapshotId: string; ok: boolean; code: string | null; message: string | null };

/** The collector's phases in the order it runs them (lib/collector/python/90_main.py). */
export const COLLECT_PHASES = ["start", "service", "interpreter", "walk", "hash", "pyc-bodies", "packages", "startup"];

/** What a failure code asks the user to do next; the message itself says what happened. */
export function nextStepFor(code: string | null): string {
  if (code === "host-key-unknown" || code === "host-key-changed")
    return "Check the fingerprint on the host, then trust the key below.";
  if (code === "auth-failed") return "Check the user and the key, agent or password in the host's settings.";
  if (code === "connect-failed" || code === "connect-timeout")
    return "Check that the host is up and its SSH port is reachable from this server.";
  if (code === "timeout") return "Raise the host's timeout or lower its file limit, then collect again.";
  return "Fix what the message names, then collect again.";
}
