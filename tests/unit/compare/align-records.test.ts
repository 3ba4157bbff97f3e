import { expect, test } from "vitest";
import { alignRecords } from "@/lib/compare/align-records";
import { fileRows } from "@/lib/compare/file-rows";
import { PairFileRows } from "@/lib/compare/pair-file-rows";
import { boundedCollector, type FileRow } from "@/lib/compare/types";
import type { Source } from "@/lib/snapshot/schema";
import { SourceRecords } from "@/lib/snapshot/source-records";

/** "a b! c": sources a, b, c; `!` marks a stale one (the others are fresh). */
const sources = (list: string): Source[] =>
  list
    .split(" ")
    .filter(Boolean)
    .map((item) => {
      const stale = item.endsWith("!");
      const path = `pkg/${stale ? item.slice(0, -1) : item}.py`;
      const [status, reason, pyc] = stale
        ? (["stale", "mtime", "timestamp"] as const)
        : (["fresh", null, "timestamp"] as const);
      return { mtime: 1, path, pyc, pycUid: null, reason, size: 1, status };
    });

/** The sources as stored records, in pieces of `size`, as a blob's reader hands them over. */
async function* pieces(list: Source[], size: number): AsyncGenerator<SourceRecords> {
  for (let at = 0; at < list.length; at += size) {
    const lines = list.slice(at, at + size).map((s) => `[0,"sources",${JSON.stringify(s)}]`);
    const bytes = Buffer.from(lines.join("\n"));
    const records = new SourceRecords(0, bytes, 1);
    let start = 0;
    for (const line of lines) {
      const length = Buffer.byteLength(line);
      records.add(start, start + '[0,"sources",'.length, start + length);
      start += length + 1;
    }
    yield records;
  }
}

async function streamed(left: Source[] | null, right: Source[] | null, size: number, limit: number) {
  const out = boundedCollector<FileRow>(limit);
  const side = (list: Source[] | null) => (list ? pieces(list, size) : null);
  await alignRecords(side(left), side(right), [null, null], new PairFileRows(out, 0, "app"));
  return out.section;
}

const pairs = [{ index: 0, kind: "app" as const, label: "app", left: "/a", right: "/b" }];

test.each([
  ["identical lists", "a b c d", "a b c d"],
  ["statuses changed", "a b c d", "a b! c d!"],
  ["one inserted in the middle on the right", "a b c d", "a b x c! d"],
  ["one removed in the middle on the right", "a b c d", "a c! d"],
  ["different heads and tails", "x a b c", "a b! c y"],
  ["another order", "a b c d", "d! c b a"],
  ["left empty", "", "a b"],
  ["right empty", "a b", ""],
  ["disjoint", "a b", "c d"],
  ["tail only shared", "x y c d", "c! d"],
  ["the right far behind", "a b c d e f g h", "h g f! e d c b a x"],
  ["removed early, changed later", "y a b c d e f", "a b! c d! e f!"],
])("%s: pieces give compare()'s rows of the whole lists", async (_, l, r) => {
  const [left, right] = [sources(l), sources(r)];
  for (const limit of [1, 2, Infinity])
    for (const size of [1, 2, 3, 100])
      expect(await streamed(left, right, size, limit), `pieces of ${size}, limit ${limit}`).toEqual(
        fileRows(pairs, [[left, right]], limit),
      );
});

test("a root on one side only: every file is a row", async () => {
  const list = sources("a b c");
  expect(await streamed(null, list, 2, 2)).toEqual(fileRows(pairs, [[null, list]], 2));
  expect(await streamed(list, null, 2, 5)).toEqual(fileRows(pairs, [[list, null]], 5));
});
