import type { Inventory, Source } from "@/lib/snapshot/schema";
import { InventoryBuilder } from "../../support/inventory-builder";
import { planSources, type Fate, type Variant } from "../tree/tree-layout";

const T0 = 1_790_000_000;

/** What the collector reports for a source of the given fate (the bench tree's construction, without files). */
function sourceFacts(fate: Fate, index: number): { status: Source["status"]; spec: Partial<Source> } {
  const size = 600 + (index % 700);
  if (fate === "fresh") return { status: "fresh", spec: { size, mtime: T0, reason: null, pyc: "timestamp" } };
  if (fate === "missing") return { status: "missing", spec: { size, mtime: T0, reason: null, pyc: null } };
  if (fate === "stale-mtime")
    return { status: "stale", spec: { size, mtime: T0 + 3_600, reason: "mtime", pyc: "timestamp" } };
  return { status: "stale", spec: { size: size + 31, mtime: T0, reason: "size", pyc: "timestamp" } };
}

/**
 * A generated inventory of `sources` files laid out and fated exactly like the bench's compiled tree of that
 * size and variant (tests/bench/tree/tree-layout.ts: nested packages, ~80 % fresh, 10 % stale, 10 % missing),
 * with the test builder's healthy systemd service around it. No file is written: at 1,000,000 sources the real
 * tree takes over an hour to build and compile, and compare reads only what was stored. Validated by
 * inventorySchema like every builder inventory.
 */
export function largeInventory(sources: number, variant: Variant): Inventory {
  const builder = new InventoryBuilder({ hostname: `large-${variant}`, user: "app" })
    .service({ execStart: ["/opt/venv/bin/python", "-m", "benchapp"] })
    .interpreter({ path: "/opt/venv/bin/python" })
    .root(variant === "a" ? "/srv/app" : "/opt/app", { owner: "app" });
  for (const planned of planSources(sources, variant)) {
    const { status, spec } = sourceFacts(planned.fate, planned.index);
    builder.source(`${planned.dir}/${planned.name}`, status, spec);
  }
  return builder.build();
}
