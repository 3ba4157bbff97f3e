/**
 * Startup modules the service can never cache (compiled at every start), from the summary row. Before
 * closures were collected, every source without an accepted pyc stands in for them.
 */
export function blockedModules(row: {
  status: string;
  stale: number;
  missing: number;
  startupBlocked: number | null;
}): number | null {
  if (row.status !== "ok") return null;
  return row.startupBlocked ?? row.stale + row.missing;
}
