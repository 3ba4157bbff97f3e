import "server-only";
import { listHostsWithLatest } from "@/lib/db/queries/host-summaries";
import { toHostView } from "@/lib/db/queries/hosts";

/** Every host with its newest snapshot (any status) and newest successful one, for the home page and the CLI. */
export async function listHostSummaries() {
  const rows = await listHostsWithLatest();
  return rows.map(({ host, latest, latestOk }) => ({ host: toHostView(host), latest, latestOk }));
}

export type HostSummary = Awaited<ReturnType<typeof listHostSummaries>>[number];
