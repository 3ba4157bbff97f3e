import type { LoadRequest } from "./load-data";

/** The pages and API reads a signed-in user makes, for the hosts and snapshots that exist so far. */
function pathsFor(hostIds: string[], snapshotIds: string[], turn: number): { kind: "page" | "api"; path: string }[] {
  const host = hostIds[turn % hostIds.length]!;
  const snapshot = snapshotIds.length ? snapshotIds[turn % snapshotIds.length]! : null;
  return [
    { kind: "page", path: "/" },
    { kind: "page", path: `/hosts/${host}` },
    { kind: "api", path: "/api/hosts" },
    { kind: "api", path: `/api/hosts/${host}/snapshots` },
    ...(snapshot
      ? [
          { kind: "page" as const, path: `/snapshots/${snapshot}` },
          { kind: "api" as const, path: `/api/snapshots/${snapshot}` },
          { kind: "api" as const, path: `/api/snapshots/${snapshot}/files?limit=500` },
        ]
      : []),
  ];
}

/** One request, its body read to its end: how long it took and its status (0 when it failed outright). */
export async function timedRequest(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, { headers, redirect: "manual" });
    await response.arrayBuffer();
    return { ms: performance.now() - started, status: response.status };
  } catch {
    return { ms: performance.now() - started, status: 0 };
  }
}

/**
 * One signed-in client: requests pages and API reads one after another, each body read to its end, until
 * `running()` turns false. A request that fails outright counts with status 0.
 */
export async function loadClient(
  baseUrl: string,
  headers: Record<string, string>,
  hostIds: string[],
  snapshotIds: string[],
  running: () => boolean,
  offset: number,
): Promise<LoadRequest[]> {
  const requests: LoadRequest[] = [];
  for (let turn = offset; running(); turn++) {
    for (const { kind, path } of pathsFor(hostIds, snapshotIds, turn)) {
      if (!running()) break;
      requests.push({ kind, path, ...(await timedRequest(baseUrl, path, headers)) });
    }
  }
  return requests;
}
