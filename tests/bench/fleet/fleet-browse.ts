import { timedRequest } from "../load/load-client";
import type { LoadRequest } from "../load/load-data";

export type FleetPages = { hostIds: string[]; snapshotIds: () => string[]; pages: number };

/** The pages an operator of a fleet opens: the host list (first and later pages), a host, a snapshot. */
function pathsFor(fleet: FleetPages, turn: number): string[] {
  const host = fleet.hostIds[(turn * 7_919) % fleet.hostIds.length]!;
  const snapshots = fleet.snapshotIds();
  const snapshot = snapshots.length ? snapshots[(turn * 104_729) % snapshots.length]! : null;
  return ["/", `/?page=${1 + (turn % fleet.pages)}`, `/hosts/${host}`, ...(snapshot ? [`/snapshots/${snapshot}`] : [])];
}

/** One signed-in client loading fleet pages one after another, each body read to its end, while `running()`. */
export async function browseFleet(
  baseUrl: string,
  headers: Record<string, string>,
  fleet: FleetPages,
  running: () => boolean,
  offset: number,
): Promise<LoadRequest[]> {
  const requests: LoadRequest[] = [];
  for (let turn = offset; running(); turn++) {
    for (const path of pathsFor(fleet, turn)) {
      if (!running()) break;
      requests.push({ kind: "page", path, ...(await timedRequest(baseUrl, path, headers)) });
    }
  }
  return requests;
}
