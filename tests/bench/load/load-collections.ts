import type { Api } from "../dashboard/api-client";
import { followJob } from "../rss/follow-job";
import type { LoadCollection } from "./load-data";

export type LoadHost = { id: string; name: string; sources: number };
type SnapshotRow = { id: string; status: string; sources: number; truncated: boolean };

/** One collection through the API (POST, then its event stream), checked complete against the host's tree. */
async function collectOnce(api: Api, baseUrl: string, headers: Record<string, string>, host: LoadHost) {
  const started = performance.now();
  const job = await api<{ events: string }>(`/api/hosts/${host.id}/snapshots`, { method: "POST" });
  const done = await followJob(`${baseUrl}${job.events}`, headers);
  const ms = performance.now() - started;
  const rows = await api<SnapshotRow[]>(`/api/hosts/${host.id}/snapshots`);
  const row = rows.find((r) => r.id === done.snapshotId);
  const ok = done.ok && row?.status === "ok";
  const complete = ok && row?.truncated === false && row.sources === host.sources;
  return { host: host.name, snapshotId: done.snapshotId, ok, complete, code: done.code, ms } satisfies LoadCollection;
}

/**
 * `total` collections spread over the hosts, every host in parallel and each host's collections one after
 * another (a second request while one runs would join it: one job per host). The server's queue decides
 * how many run at once. Each stored snapshot id is pushed to `snapshotIds` for the clients to read.
 */
export async function driveCollections(
  api: Api,
  baseUrl: string,
  headers: Record<string, string>,
  hosts: LoadHost[],
  total: number,
  snapshotIds: string[],
): Promise<LoadCollection[]> {
  const perHost = hosts.map((_, i) => Math.floor(total / hosts.length) + (i < total % hosts.length ? 1 : 0));
  const lists = await Promise.all(
    hosts.map(async (host, i) => {
      const done: LoadCollection[] = [];
      for (let n = 0; n < perHost[i]!; n++) {
        const collection = await collectOnce(api, baseUrl, headers, host).catch((error: unknown): LoadCollection => ({
          host: host.name,
          snapshotId: null,
          ok: false,
          complete: false,
          code: error instanceof Error ? error.message : String(error),
          ms: 0,
        }));
        if (collection.snapshotId) snapshotIds.push(collection.snapshotId);
        done.push(collection);
      }
      return done;
    }),
  );
  return lists.flat();
}
