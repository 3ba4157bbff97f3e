import "server-only";
import { listHostPage, listSnapshotSummaries } from "@/lib/db/queries/host-summaries";
import { toHostView } from "@/lib/db/queries/hosts";
import { readThroughStore } from "@/lib/db/store-cache";
import { coveragePercent } from "@/lib/analysis/coverage-percent";

export type HostListQuery = { search?: string; skip?: number; take?: number };

/**
 * Hosts by name (a page of them, or all) with their newest snapshot (any status), newest successful one and the
 * startup coverage of their last 30 successful snapshots (oldest first), for the home page and the CLI.
 * Two queries in all, whatever the host count.
 */
export function listHostSummaries(query: HostListQuery = {}) {
  const key = `host-summaries:${JSON.stringify([query.search ?? "", query.skip ?? 0, query.take ?? null])}`;
  return readThroughStore(key, () => readHostSummaries(query));
}

async function readHostSummaries(query: HostListQuery) {
  const { hosts, hasMore } = await listHostPage(query);
  const summaries = await listSnapshotSummaries(hosts.map((host) => host.id));
  const rows = hosts.map((host) => {
    const { latest = null, latestOk = null, spark = [] } = summaries.get(host.id) ?? {};
    return {
      host: toHostView(host),
      latest,
      latestOk,
      spark: spark.map((p) => ({ id: p.id, percent: coveragePercent(p.startupFresh, p.startupClosure) ?? 0 })),
    };
  });
  return { rows, hasMore };
}

export type HostSummary = Awaited<ReturnType<typeof listHostSummaries>>["rows"][number];
