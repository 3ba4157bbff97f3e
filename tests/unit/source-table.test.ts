import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "vitest";
import { dirOf } from "@/lib/analysis/coverage";
import type { Source } from "@/lib/snapshot/schema";
import { sourceCode } from "@/lib/snapshot/source-codes";
import { SourceTable } from "@/lib/snapshot/source-table";

const source = (path: string, over: Partial<Source> = {}): Source => ({
  mtime: 1700000000.123456,
  path,
  pyc: "timestamp",
  pycUid: 1000,
  reason: null,
  size: 1234,
  status: "fresh",
  ...over,
});

const ODD: Source[] = [
  source("a.py"),
  source("/abs.py", { status: "missing", pyc: null, pycUid: null }),
  source("pkg/"),
  source(""),
  source("pkg/sub/ünïcødé_módulé_with_a_long_name.py", { status: "stale", reason: "unreadable-pyc" }),
  source("pkg/x.py", { status: "stale", reason: "hash", pyc: "unchecked-hash", pycUid: 4294967295 }),
  source("pkg/y.py", { status: "unreadable", size: 2 ** 52, mtime: -0.5, pycUid: 0 }),
  source("pkg//z.py", { reason: "truncated", pyc: "checked-hash", mtime: 0 }),
];

test("a SourceTable gives back exactly the sources pushed, across chunks", () => {
  const all = Array.from({ length: 9_000 }, (_, i) =>
    i < ODD.length ? ODD[i]! : source(`d${i % 37}/m${i}.py`, { size: i, mtime: i / 7 }),
  );
  const table = new SourceTable();
  for (const s of all) table.push(s);
  expect(table.length).toBe(all.length);
  expect([...table]).toEqual(all);
  for (const i of [...ODD.keys(), 8191, 8192, 8193, 8_999]) {
    expect(table.at(i)).toEqual(all[i]);
    expect(table.status(i)).toBe(all[i]!.status);
    expect(table.path(i)).toBe(all[i]!.path);
    expect(table.code(i)).toBe(sourceCode(all[i]!.status, all[i]!.reason, all[i]!.pyc));
    expect(table.dirPath(table.dirId(i))).toBe(dirOf(all[i]!.path));
  }
});

test("sources of one directory share a directory id, other directories do not", () => {
  const table = new SourceTable();
  for (const path of ["p/a.py", "q/a.py", "p/b.py", "a.py", "p/c/d.py"]) table.push(source(path));
  const ids = [0, 1, 2, 3, 4].map((i) => table.dirId(i));
  expect(ids[0]).toBe(ids[2]);
  expect(new Set(ids).size).toBe(4);
});

// The first chunk holds a lone surrogate (kept as UTF-16), the second only one-byte names (kept as Latin-1).
test("a spilling SourceTable gives back the same sources, read in any order, until it is closed", () => {
  const all = Array.from({ length: 20_000 }, (_, i) =>
    i < ODD.length
      ? ODD[i]!
      : source(`d${i % 37}/m${i}${i % 5 === 0 && i < 8192 ? "\ud800é" : ""}.py`, { size: i, mtime: i / 7 }),
  );
  const table = new SourceTable({ spill: true });
  for (const s of all) table.push(s);
  expect([...table]).toEqual(all);
  for (const i of [19_999, 0, 8192, 5, 16_384, 8191, 12_345]) {
    expect(table.at(i)).toEqual(all[i]);
    expect(table.status(i)).toBe(all[i]!.status);
    expect(table.dirPath(table.dirId(i))).toBe(dirOf(all[i]!.path));
  }
  table.close();
  expect(table.at(19_999)).toEqual(all[19_999]); // the last, partial chunk never left memory
  expect(() => table.at(0)).toThrow();
});

test("a spilling SourceTable keeps its sources in memory when the temporary directory refuses a file", () => {
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = "/nonexistent/deploylens-tmp";
  try {
    const all = Array.from({ length: 10_000 }, (_, i) => source(`d${i % 3}/m${i}.py`, { size: i }));
    const table = new SourceTable({ spill: true });
    for (const s of all) table.push(s);
    table.close();
    expect([...table]).toEqual(all);
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
});

test("a spilling SourceTable keeps its sources in memory from the chunk a full disk refused on", () => {
  // The kernel's file-size limit refuses writes past 600 KB, as a full disk would: the first chunk or two fit,
  // the next fails part-way, and the ones after it must not lose their sources either.
  const limit = 600_000;
  const out = execFileSync(
    "prlimit",
    [
      `--fsize=${limit}`,
      "--",
      path.resolve("node_modules/.bin/tsx"),
      "tests/support/fixtures/spill-until-full.ts",
    ].concat(["60000", String(limit)]),
    { encoding: "utf8" },
  );
  expect(JSON.parse(out)).toEqual({ equal: true, refused: "EFBIG" });
}, 60_000);
