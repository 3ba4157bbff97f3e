import { expect, test } from "vitest";
import { compressBlob } from "@/lib/snapshot/blob-codec";
import { canonicalJson } from "@/lib/snapshot/canonical-json";
import { encodeInventory } from "@/lib/snapshot/inventory-blob-writer";
import { readInventoryBlob, readPackedInventory } from "@/lib/snapshot/read-inventory-blob";
import type { Inventory, Source } from "@/lib/snapshot/schema";
import { sourceCode } from "@/lib/snapshot/source-codes";
import { StoredRecordReader } from "@/lib/snapshot/stored-record-reader";
import { recordKindsInventory } from "../support/fixtures/record-kinds-inventory";

// A stored inventory read once as it inflates (its sources root by root, packed where they lie; its directories;
// the head) must give back what reading it whole gives. Thousands of sources with
// non-ASCII names, and one whose name JSON escapes: lines and characters cross the pieces brotli inflates.
const inventory: Inventory = recordKindsInventory(3000, "pkg/ünïcödé")
  .source('pkg/say "hi".py', "stale", { reason: "hash", pyc: "unchecked-hash" })
  .dir("pkg/ünïcödé", { mode: 0o555 })
  .root("/srv/empty")
  .root("/srv/venv/lib/python3.11/site-packages", { kind: "site-packages" })
  .sources(500, "missing", "six")
  .build();

const packed = (s: Source) => [s.path, sourceCode(s.status, s.reason, s.pyc)];

async function sourcesOf(reader: StoredRecordReader, root: number) {
  const sources: (string | number)[][] = [];
  for await (const records of reader.root(root))
    for (let i = 0; i < records.count; i++) sources.push([records.path(i), records.codes[i]!]);
  return sources;
}

async function stored() {
  const blob = await encodeInventory(inventory);
  return { data: new Uint8Array(blob.data), rawBytes: blob.rawBytes };
}

test("the sources, directories and head of a stored inventory rebuild it, in any order of roots", async () => {
  const { data, rawBytes } = await stored();
  const whole = await readInventoryBlob(data, rawBytes);
  for (const order of [
    [0, 1, 2],
    [2, 0, 1],
    [1, 2, 2, 0],
  ]) {
    const dirs: [number, string][] = [];
    const reader = new StoredRecordReader(data, rawBytes, (root, item) => dirs.push([root, item]));
    expect(await reader.isRecordBlob()).toBe(true);
    for (const root of order) expect(await sourcesOf(reader, root)).toEqual(whole.roots[root]!.sources.map(packed));
    const head = await reader.finish();
    const withoutFiles = (i: Inventory) => ({
      ...i,
      roots: i.roots.map((root) => ({ ...root, dirs: [], extraPycs: [], skipped: [], sources: [] })),
    });
    expect(withoutFiles(head)).toEqual(withoutFiles(whole));
    // Each directory once, even when a root asked for again starts the blob over.
    const expected = whole.roots.flatMap((root, index) => root.dirs.map((d) => [index, d]));
    expect(dirs.map(([root, item]) => [root, JSON.parse(item)])).toEqual(expected);
  }
});

test("a packed read holds the same sources in tables", async () => {
  const { data, rawBytes } = await stored();
  const { inventory: head, sourceTables } = await readPackedInventory(data, rawBytes);
  expect(sourceTables.map((table) => [...table])).toEqual(inventory.roots.map((root) => root.sources));
  expect(head.roots.every((root) => root.sources.length === 0)).toBe(true);
});

test("a format-1 blob is not read by records: the caller reads it whole", async () => {
  const raw = Buffer.from(canonicalJson(inventory));
  const data = new Uint8Array(compressBlob(raw));
  expect(await new StoredRecordReader(data, raw.length, () => {}).isRecordBlob()).toBe(false);
  const packed = await readPackedInventory(data, raw.length);
  expect(packed.sourceTables.map((table) => [...table])).toEqual(inventory.roots.map((root) => root.sources));
});
