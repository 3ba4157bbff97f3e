import { expect, test } from "vitest";
import { compressBlob } from "@/lib/snapshot/blob-codec";
import { canonicalJson } from "@/lib/snapshot/canonical-json";
import { encodeInventory } from "@/lib/snapshot/inventory-blob-writer";
import { readInventoryBlob, readPackedInventory } from "@/lib/snapshot/read-inventory-blob";
import { RootSourceReader } from "@/lib/snapshot/root-source-reader";
import { readInventoryHead } from "@/lib/snapshot/stream-inventory-blob";
import { sourceOfRecord } from "@/lib/snapshot/source-record";
import type { Inventory, Source } from "@/lib/snapshot/schema";
import { recordKindsInventory } from "../support/fixtures/record-kinds-inventory";

// A stored inventory read in two passes (its head, then its sources root by root) or packed must give back
// what reading it whole gives. Thousands of sources with non-ASCII names: lines and characters cross the
// pieces brotli inflates.
const inventory: Inventory = recordKindsInventory(3000, "pkg/ünïcödé")
  .root("/srv/empty")
  .root("/srv/venv/lib/python3.11/site-packages", { kind: "site-packages" })
  .sources(500, "missing", "six")
  .build();

async function sourcesOf(reader: RootSourceReader, root: number): Promise<Source[]> {
  const sources: Source[] = [];
  for await (const batch of reader.root(root)) for (const record of batch) sources.push(sourceOfRecord(record));
  return sources;
}

test("the head and the streamed sources of a stored inventory rebuild it, in any order of roots", async () => {
  const blob = await encodeInventory(inventory);
  const data = new Uint8Array(blob.data);
  const whole = await readInventoryBlob(data, blob.rawBytes);
  const head = (await readInventoryHead(data, blob.rawBytes))!;
  expect(head.roots.map((root) => root.sources.length)).toEqual([0, 0, 0]);
  expect({ ...head, roots: head.roots.map((root) => ({ ...root, sources: [] })) }).toEqual({
    ...whole,
    roots: whole.roots.map((root) => ({ ...root, sources: [] })),
  });
  const reader = new RootSourceReader(data, blob.rawBytes);
  for (const order of [
    [0, 1, 2],
    [2, 0, 1],
    [1, 2, 2, 0],
  ])
    for (const root of order) expect(await sourcesOf(reader, root)).toEqual(whole.roots[root]!.sources);
});

test("a packed read holds the same sources in tables", async () => {
  const blob = await encodeInventory(inventory);
  const { inventory: head, sourceTables } = await readPackedInventory(new Uint8Array(blob.data), blob.rawBytes);
  expect(sourceTables.map((table) => [...table])).toEqual(inventory.roots.map((root) => root.sources));
  expect(head.roots.every((root) => root.sources.length === 0)).toBe(true);
});

test("a format-1 blob has no head to read apart: the caller reads it whole", async () => {
  const raw = Buffer.from(canonicalJson(inventory));
  expect(await readInventoryHead(new Uint8Array(compressBlob(raw)), raw.length)).toBeNull();
  const packed = await readPackedInventory(new Uint8Array(compressBlob(raw)), raw.length);
  expect(packed.sourceTables.map((table) => [...table])).toEqual(inventory.roots.map((root) => root.sources));
});
