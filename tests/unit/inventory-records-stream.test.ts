import { Readable } from "node:stream";
import { brotliDecompressSync } from "node:zlib";
import { expect, test } from "vitest";
import { runCollector } from "@/lib/collector/run-collector";
import { defaultSpec } from "@/lib/collector/spec";
import { compressBlob } from "@/lib/snapshot/blob-codec";
import { canonicalJson } from "@/lib/snapshot/canonical-json";
import { encodeInventory, inventoryHead } from "@/lib/snapshot/inventory-blob-writer";
import { canonicalItem, RECORD_FIELDS, type RecordField } from "@/lib/snapshot/inventory-records";
import { readInventoryBlob } from "@/lib/snapshot/read-inventory-blob";
import type { Inventory } from "@/lib/snapshot/schema";
import type { Transport } from "@/lib/transport/types";
import { InventoryBuilder } from "../support/inventory-builder";
import { receiveRecords } from "../support/receive-records";

// The collector streams records while it walks: root by root, the fields of a root interleaved (each array
// in its own order). The sink and the blob (format 3) keep that order; format 2 blobs still read.

const inventory: Inventory = new InventoryBuilder()
  .root("/srv/app")
  .sources(12, "fresh", "a")
  .extra("a/__pycache__/x.cpython-310.pyc", "foreign-tag", "cpython-310")
  .sources(9, "stale", "b", { reason: "mtime", pyc: "timestamp" })
  .skipped("link", "symlink")
  .sources(5, "missing", "c")
  .root("/srv/venv/lib/python3.11/site-packages", { kind: "site-packages" })
  .source("six.py", "missing")
  .build();

const spec = { ...defaultSpec, appRoots: ["/srv/app"], service: null, unitFile: null, python: null };

type Line = { root: number; field: RecordField; items: unknown[] };

/** The lines as the collector cuts them: every `batch` items of a field, the rest at the root's end. */
function interleaved(inv: Inventory, batch = 4): Line[] {
  const lines: Line[] = [];
  for (const [root, r] of inv.roots.entries()) {
    const longest = Math.max(...RECORD_FIELDS.map((f) => r[f].length));
    for (let start = 0; start < longest; start += batch)
      for (const field of [...RECORD_FIELDS].reverse())
        if (start < r[field].length) lines.push({ root, field, items: r[field].slice(start, start + batch) });
  }
  return lines;
}

function eventLines(lines: Line[], inv: Inventory): string[] {
  const result = { type: "result", inventory: inventoryHead(inv), measurements: { collectorMs: 1, startup: null } };
  return [...lines.map((l) => JSON.stringify({ type: "records", ...l })), JSON.stringify(result)];
}

test("fields interleaved within a root join to the same inventory, stored in the order they came", async () => {
  const lines = interleaved(inventory);
  expect(lines.slice(0, 4).map((l) => l.field)).toEqual(["sources", "skipped", "extraPycs", "dirs"]);
  const received = await receiveRecords(eventLines(lines, inventory));
  if (typeof received === "string") throw new Error(received);
  expect(received.inventory).toEqual(inventory);
  expect(await readInventoryBlob(new Uint8Array(received.blob.data), received.blob.rawBytes)).toEqual(inventory);
  const stored = brotliDecompressSync(received.blob.data).toString("utf8").split("\n");
  expect(stored[0]).toBe('{"deploylensBlob":3}');
  expect(stored.slice(1, 3).map((l) => (JSON.parse(l) as [number, string])[1])).toEqual(["sources", "sources"]);
});

test("the same stream gives the same blob; the same inventory streamed otherwise is another blob", async () => {
  const a = await receiveRecords(eventLines(interleaved(inventory), inventory));
  const b = await receiveRecords(eventLines(interleaved(inventory), inventory));
  if (typeof a === "string" || typeof b === "string") throw new Error(String(a) + String(b));
  expect(a.blob.sha256).toBe(b.blob.sha256);
  expect(a.blob.data.equals(b.blob.data)).toBe(true);
  expect(a.blob.sha256).not.toBe((await encodeInventory(inventory)).sha256); // canonical order: other bytes
});

test("records of a root after a later root's, or after the result, are rejected", async () => {
  const lines = interleaved(inventory);
  const back = [lines.at(-1)!, ...lines.slice(0, -1)];
  expect(back[0]!.root).toBe(1);
  expect(await receiveRecords(eventLines(back, inventory))).toMatch(
    /records of root 0 .*after root 1: out of canonical order/,
  );
  const transport: Transport = {
    exec: async () => ({
      stdout: Readable.from([
        Buffer.from([...eventLines(lines, inventory), ...eventLines(lines, inventory)].join("\n")),
      ]),
      done: Promise.resolve({ exitCode: 0, signal: null, stderr: "" }),
    }),
    close: async () => {},
  };
  const outcome = await runCollector(transport, spec);
  expect(outcome).toMatchObject({ ok: false, code: "collector-output-invalid" });
  if (!outcome.ok) expect(outcome.message).toMatch(/a records event after the final result event/);
});

test("a stream cut after some records (the connection dropped) is a failure, never a partial inventory", async () => {
  const lines = eventLines(interleaved(inventory), inventory).slice(0, 5);
  for (const [exit, code] of [
    [{ exitCode: null, signal: "KILL" }, "collector-crashed"],
    [{ exitCode: 0, signal: null }, "collector-output-invalid"],
  ] as const) {
    const transport: Transport = {
      exec: async () => ({
        stdout: Readable.from([Buffer.from(lines.join("\n") + "\n")]),
        done: Promise.resolve({ ...exit, stderr: "" }),
      }),
      close: async () => {},
    };
    const outcome = await runCollector(transport, spec);
    expect(outcome).toMatchObject({ ok: false, code });
  }
});

test("a format-2 blob (records in canonical order, stored before streaming) reads as it did", async () => {
  const lines = ['{"deploylensBlob":2}'];
  for (const [root, r] of inventory.roots.entries())
    for (const field of RECORD_FIELDS)
      for (const item of r[field]) lines.push(`[${root},"${field}",${canonicalItem(field, item)}]`);
  lines.push(canonicalJson(inventoryHead(inventory)));
  const raw = Buffer.from(lines.join("\n") + "\n");
  expect(await readInventoryBlob(new Uint8Array(compressBlob(raw)), raw.length)).toEqual(inventory);
});
