import { expect, test } from "vitest";
import { parseEvent } from "@/lib/collector/parse-event";
import { compressBlob } from "@/lib/snapshot/blob-codec";
import { canonicalJson } from "@/lib/snapshot/canonical-json";
import { encodeInventory } from "@/lib/snapshot/inventory-blob-writer";
import { canonicalItem, recordItemOf, RECORD_FIELDS, SOURCE_ROW } from "@/lib/snapshot/inventory-records";
import { readInventoryBlob } from "@/lib/snapshot/read-inventory-blob";
import { sourceSchema, type Inventory } from "@/lib/snapshot/schema";
import { recordKindsInventory } from "../support/fixtures/record-kinds-inventory";
import { receiveRecords } from "../support/receive-records";

// The stored inventory as records (format 2), the old single document (format 1), and the lean source check.

const inventory: Inventory = recordKindsInventory(30, "pkg")
  .root("/srv/venv/lib/python3.11/site-packages", { kind: "site-packages" })
  .source("six.py", "missing")
  .build();

test("a format-2 blob reads back as the inventory it encoded", async () => {
  const blob = await encodeInventory(inventory);
  expect(await readInventoryBlob(new Uint8Array(blob.data), blob.rawBytes)).toEqual(inventory);
});

test("a format-1 blob (one canonical JSON document, stored before streaming) still reads", async () => {
  const raw = Buffer.from(canonicalJson(inventory));
  expect(await readInventoryBlob(new Uint8Array(compressBlob(raw)), raw.length)).toEqual(inventory);
});

test("a blob that inflates beyond its recorded size fails with a typed error", async () => {
  const blob = await encodeInventory(inventory);
  await expect(readInventoryBlob(new Uint8Array(blob.data), 100)).rejects.toMatchObject({
    code: "inventory-blob-too-large",
  });
});

/** Sends the inventory as the collector does: records lines in canonical order, then the result without them. */
function streamedLines(inv: Inventory, batch = 7): string[] {
  const lines: string[] = [];
  for (const [root, r] of inv.roots.entries())
    for (const field of RECORD_FIELDS)
      for (let i = 0; i < r[field].length; i += batch)
        lines.push(JSON.stringify({ type: "records", root, field, items: r[field].slice(i, i + batch) }));
  const head = { ...inv, roots: inv.roots.map((r) => ({ ...r, dirs: [], extraPycs: [], skipped: [], sources: [] })) };
  lines.push(JSON.stringify({ type: "result", inventory: head, measurements: { collectorMs: 1, startup: null } }));
  return lines;
}

test("records joined as they arrive give the same inventory and the same blob as encoding it whole", async () => {
  const received = await receiveRecords(streamedLines(inventory));
  if (typeof received === "string") throw new Error(received);
  expect(received.inventory).toEqual(inventory);
  const whole = await encodeInventory(inventory);
  expect(received.blob.sha256).toBe(whole.sha256); // identical inventories still share one blob
  expect(received.blob.rawBytes).toBe(whole.rawBytes);
});

test("records out of canonical order, for a root the result lacks, or beside result arrays are rejected", async () => {
  const lines = streamedLines(inventory);
  expect(await receiveRecords([...lines.slice(0, -1).reverse(), lines.at(-1)!])).toMatch(
    /out of canonical order|result/,
  );
  const extraRoot = JSON.stringify({ type: "records", root: 5, field: "sources", items: [] });
  expect(await receiveRecords([extraRoot, lines.at(-1)!])).toMatch(/records for root 5/);
  const full = JSON.stringify({ type: "result", inventory, measurements: { collectorMs: 1, startup: null } });
  expect(await receiveRecords([lines[0]!, full])).toMatch(/per-file arrays as well as records/);
});

const source = { path: "a.py", size: 1, mtime: 1.5, status: "stale", reason: "mtime", pyc: "timestamp", pycUid: 0 };
test.each([
  ["a valid source", source],
  ["a fresh source without pyc facts", { ...source, status: "fresh", reason: null, pyc: null, pycUid: null }],
  ["an unknown status", { ...source, status: "cached" }],
  ["an unknown reason", { ...source, reason: "old" }],
  ["a fractional size", { ...source, size: 1.5 }],
  ["a missing mtime", { ...source, mtime: undefined }],
  ["a path that is not a string", { ...source, path: 7 }],
  ["a too long path", { ...source, path: "x".repeat(4097) }],
  ["a string pycUid", { ...source, pycUid: "0" }],
  ["not an object", "a.py"],
])("the lean source check agrees with sourceSchema: %s", (_, value) => {
  const lean = recordItemOf("sources", value);
  const zod = sourceSchema.safeParse(value);
  expect(typeof lean !== "string").toBe(zod.success);
  if (zod.success) expect(lean).toEqual(zod.data);
});

const rowOf = (value: Record<string, unknown>) => SOURCE_ROW.map((key) => value[key]);
test.each([
  ["a valid source", source],
  ["a fresh source without pyc facts", { ...source, status: "fresh", reason: null, pyc: null, pycUid: null }],
  ["an unknown status", { ...source, status: "cached" }],
  ["a fractional size", { ...source, size: 1.5 }],
  ["a path that is not a string", { ...source, path: 7 }],
])("a source sent as a row is judged as the same source sent as an object: %s", (_, value) => {
  expect(recordItemOf("sources", rowOf(value))).toEqual(recordItemOf("sources", value));
});

test("a source row of the wrong length is refused", () => {
  expect(recordItemOf("sources", rowOf(source).slice(1))).toBe("a source row must hold 7 values");
  expect(recordItemOf("sources", [...rowOf(source), 0])).toBe("a source row must hold 7 values");
});

test.each([
  ["a stale source", source],
  ["a fresh source without pyc facts", { ...source, status: "fresh", reason: null, pyc: null, pycUid: null }],
  [
    "odd numbers and a path to escape",
    { ...source, path: 'a"\\\u00e9\udcff\n.py', size: 0, mtime: -0, pycUid: 4294967295 },
  ],
  ["a huge mtime", { ...source, mtime: 1e21 }],
  ["a tiny mtime", { ...source, mtime: 1e-7 }],
])("a source's canonical text is JSON.stringify of it with its keys sorted: %s", (_, value) => {
  const item = recordItemOf("sources", value);
  if (typeof item === "string") throw new Error(item);
  expect(canonicalItem("sources", item)).toBe(canonicalJson(item));
});

test("a records line whose item breaks the contract names the line and the item", () => {
  const line = JSON.stringify({
    type: "records",
    root: 0,
    field: "sources",
    items: [source, { ...source, size: -0.5 }],
  });
  expect(parseEvent(Buffer.from(line), 4)).toEqual({
    problem: "line 4 (records event) does not match the contract: items.1.size: expected an integer",
  });
});
