import "server-only";
import { listHostsWithLatest, listRecentStartupByHost } from "@/lib/db/queries/host-summaries";
import { toHostView } from "@/lib/db/queries/hosts";
import { coveragePercent } from "@/lib/analysis/coverage-percent";

/**
 * Every host with its newest snapshot (any status), newest successful one and the startup coverage of its last
 * 30 successful snapshots (oldest first), for the home page and the CLI. Two queries in all, whatever the host count.
 */
export async function listHostSummaries() {
  const rows = await listHostsWithLatest();
  const recent = await listRecentStartupByHost(rows.map((r) => r.host.id));
  return rows.map(({ host, latest, latestOk }) => ({
    host: toHostView(host),
    latest,
    latestOk,
    spark: (recent.get(host.id) ?? []).map((p) => ({
      id: p.id,
      percent: coveragePercent(p.startupFresh, p.startupClosure) ?? 0,
    })),
  }));
}

export type HostSummary = Awaited<ReturnType<typeof listHostSummaries>>[number];
