import "server-only";
import { processSingleton } from "@/lib/process-singleton";

// Route handlers and instrumentation may load this module in separate chunks: share one set per process.
const groups = processSingleton<Set<number>>("deploylensLocalGroups", () => new Set());

/** SIGTERM to a process group: the command and whatever it started (the collector's helpers). */
export function killProcessGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    // Already gone.
  }
}

/** A local command's process group, live until `untrack`: the dashboard stops it when it shuts down. */
export function trackProcessGroup(pid: number | undefined): void {
  if (pid !== undefined) groups.add(pid);
}

export function untrackProcessGroup(pid: number | undefined): void {
  if (pid !== undefined) groups.delete(pid);
}

/**
 * Stops every local command still running (a shutting-down dashboard): each runs in its own process group, so
 * without this a collection would outlive the server that started it. Returns how many were stopped.
 */
export function stopLocalProcessGroups(): number {
  const stopped = groups.size;
  for (const pid of groups) killProcessGroup(pid);
  groups.clear();
  return stopped;
}
