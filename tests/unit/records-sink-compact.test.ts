import { expect, test } from "vitest";
import { InventoryRecordsSink } from "@/lib/collector/inventory-records-sink";
import { parseEvent } from "@/lib/collector/parse-event";
import { encodeInventory, InventoryBlobWriter } from "@/lib/snapshot/inventory-blob-writer";
import { RECORD_FIELDS } from "@/lib/snapshot/inventory-records";
import type { Inventory } from "@/lib/snapshot/schema";
import { recordKindsInventory } from "../support/fixtures/record-kinds-inventory";

// The store step's mode: sources stay packed in SourceTables, everything else is joined as before.

const inventory: Inventory = recordKindsInventory(30, "pkg")
  .root("/srv/empty")
  .root("/srv/venv/lib/python3.11/site-packages", { kind: "site-packages" })
  .source("six.py", "missing")
  .build();

function streamedEvents(inv: Inventory) {
  const lines: string[] = [];
  for (const [root, r] of inv.roots.entries())
    for (const field of RECORD_FIELDS)
      for (let i = 0; i < r[field].length; i += 7)
        lines.push(JSON.stringify({ type: "records", root, field, items: r[field].slice(i, i + 7) }));
  return lines.map((line, index) => parseEvent(Buffer.from(line), index + 1));
}

test("in compact mode the sources arrive in SourceTables and the blob is the same", async () => {
  const writer = new InventoryBlobWriter();
  const sink = new InventoryRecordsSink(writer, true);
  for (const parsed of streamedEvents(inventory)) {
    if (!("event" in parsed) || parsed.event.type !== "records") throw new Error("expected records");
    expect(sink.add(parsed.event)).toBeNull();
  }
  const head = {
    ...inventory,
    roots: inventory.roots.map((r) => ({ ...r, dirs: [], extraPycs: [], skipped: [], sources: [] })),
  };
  const joined = sink.join(head);
  if (typeof joined === "string") throw new Error(joined);
  const tables = sink.sourceTables(joined.roots.length);
  expect(tables?.map((table) => [...table])).toEqual(inventory.roots.map((r) => r.sources));
  expect(joined).toEqual({ ...inventory, roots: inventory.roots.map((r) => ({ ...r, sources: [] })) });
  expect((await writer.finish(joined)).sha256).toBe((await encodeInventory(inventory)).sha256);
});

test("without records (a result that carries its arrays) there are no tables", () => {
  const sink = new InventoryRecordsSink(undefined, true);
  expect(sink.join(inventory)).toEqual(inventory);
  expect(sink.sourceTables(inventory.roots.length)).toBeNull();
});
