import "server-only";
import { observationApplies, observedStartup, rootVerdicts } from "@/lib/analysis/observed-startup";
import { listRecentObservations } from "@/lib/db/queries/observations";
import { configHash } from "@/lib/snapshot/config-hash";
import type { Inventory } from "@/lib/snapshot/schema";
import type { SourceTable } from "@/lib/snapshot/source-table";

/**
 * The inventory a new snapshot stores: its static closure, plus the closure of the newest observed start
 * that still applies (same service configuration, same sources), which the headline then counts.
 */
export async function withObservedStartup(
  hostId: string,
  inventory: Inventory,
  sourceTables?: readonly SourceTable[],
): Promise<Inventory> {
  if (!inventory.startup) return inventory;
  const hash = configHash(inventory);
  for (const observation of await listRecentObservations(hostId)) {
    if (!observationApplies(observation, inventory, hash, sourceTables)) continue;
    const paths = observation.body.modules.map((m) => m.path);
    const judged = rootVerdicts(inventory, paths, sourceTables);
    return { ...inventory, startup: observedStartup(inventory.startup, observation, judged) };
  }
  return inventory;
}
