import { expect, test } from "vitest";
import { canonicalItem } from "@/lib/snapshot/inventory-records";
import type { Source } from "@/lib/snapshot/schema";
import { sourceOfRecord } from "@/lib/snapshot/source-record";

const base: Source = {
  mtime: 1_700_000_000.123456,
  path: "pkg/m1.py",
  pyc: "timestamp",
  pycUid: 1000,
  reason: null,
  size: 120,
  status: "fresh",
};

test.each<[string, Partial<Source>]>([
  ["a fresh source", {}],
  ["a missing one, every nullable null", { status: "missing", pyc: null, pycUid: null, reason: null }],
  ["a stale hash pyc", { status: "stale", reason: "hash", pyc: "unchecked-hash" }],
  ["an unreadable pyc", { status: "stale", reason: "unreadable-pyc", pyc: "checked-hash", pycUid: 0 }],
  ["a path with a quote", { path: 'pkg/"quoted",pyc":.py' }],
  ["a path with a backslash", { path: "pkg\\x.py" }],
  ["a path with a control character", { path: "pkg/\n.py" }],
  ["a path that is not valid UTF-8 (a lone surrogate)", { path: "pkg/\udc80odd.py" }],
  ["a non-ASCII path", { path: "pkg/ünïcödé/名前.py" }],
  ["a path holding the next key", { path: 'a","pyc":null,"pycUid":null,"reason":null,"size":1,"status":"fresh"}]' }],
  ["large and negative numbers", { mtime: -1.5e-7, size: 9_007_199_254_740_991 }],
  ["an mtime JSON writes with an exponent", { mtime: 1e21 }],
])("%s reads back as JSON.parse reads it", (_, patch) => {
  const source = { ...base, ...patch };
  const line = `[3,"sources",${canonicalItem("sources", source)}]`;
  expect(sourceOfRecord(line)).toEqual((JSON.parse(line) as [number, string, Source])[2]);
  expect(sourceOfRecord(line)).toEqual(source);
});
