/**
 * Modules that cannot be served from cache. Until the startup-closure counts (fresh/blocked) land on
 * the summary row this is every source without an accepted pyc (stale + missing).
 */
export function blockedModules(row: { status: string; stale: number; missing: number }): number | null {
  return row.status === "ok" ? row.stale + row.missing : null;
}
