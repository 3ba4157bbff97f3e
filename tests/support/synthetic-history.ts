import type { Inventory } from "@/lib/snapshot/schema";
import { InventoryBuilder } from "./inventory-builder";

/**
 * An inventory with `fresh` + `missing` sources under /srv/app; `touched` changes one mtime (new blob,
 * same counts); another `hostname` makes another blob, as two real hosts never share an inventory.
 */
export function syntheticInventory(fresh: number, missing: number, touched = 0, hostname = "host"): Inventory {
  const builder = new InventoryBuilder({ hostname }).root("/srv/app");
  for (let i = 0; i < fresh; i++)
    builder.source(`pkg${i % 40}/f${i}.py`, "fresh", i === 0 && touched ? { mtime: 1_700_000_000 + touched } : {});
  for (let i = 0; i < missing; i++) builder.source(`pkg${i % 40}/m${i}.py`, "missing");
  return builder.build();
}

export const noMeasurements = { collectorMs: 1, startup: null };
