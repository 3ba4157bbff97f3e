import { expect, test } from "vitest";
import { alignByPath } from "@/lib/compare/align-by-path";
import { PathAligner } from "@/lib/compare/path-aligner";

type Item = { path: string };
type Alignment = { visits: [string, string | null][]; rightOnly: string[] };

const items = (paths: string) =>
  paths
    .split(" ")
    .filter(Boolean)
    .map((path) => ({ path }));

/** What a Map of the right side gives: each left with its match (or null), then the unmatched right. */
function byMap(left: Item[], right: Item[]): Alignment {
  const rest = new Map(right.map((r) => [r.path, r]));
  const visits = left.map((l): [string, string | null] => {
    const r = rest.get(l.path) ?? null;
    rest.delete(l.path);
    return [l.path, r?.path ?? null];
  });
  return { visits, rightOnly: [...rest.keys()] };
}

/** Feeds both lists in pieces of `size`, left and right in turn, as a streamed comparison does. */
function streamed(left: Item[], right: Item[], size: number): Alignment {
  const visits: [string, string | null][] = [];
  const aligner = new PathAligner<Item>((a, b) => visits.push([a.path, b?.path ?? null]));
  for (let at = 0; at < Math.max(left.length, right.length); at += size) {
    for (const item of left.slice(at, at + size)) aligner.left(item);
    aligner.flush();
    for (const item of right.slice(at, at + size)) aligner.right(item);
    if (at + size >= right.length) aligner.endRight();
    aligner.flush();
  }
  return { visits, rightOnly: aligner.finish().map((x) => x.path) };
}

function whole(left: Item[], right: Item[]): Alignment {
  const visits: [string, string | null][] = [];
  const rightOnly = alignByPath(left, right, (a, b) => visits.push([a.path, b?.path ?? null]));
  return { visits, rightOnly: rightOnly.map((x) => x.path) };
}

test.each([
  ["identical lists", "a b c d", "a b c d"],
  ["one inserted in the middle on the right", "a b c d", "a b x c d"],
  ["one removed in the middle on the right", "a b c d", "a c d"],
  ["different heads and tails", "x a b c", "a b c y"],
  ["another order", "a b c d", "d c b a"],
  ["left empty", "", "a b"],
  ["right empty", "a b", ""],
  ["disjoint", "a b", "c d"],
  ["tail only shared", "x y c d", "c d"],
  ["the right far behind", "a b c d e f g h", "h g f e d c b a x"],
])("%s: whole lists and lists in pieces give the matches of a Map of the right side, in order", (_, l, r) => {
  const [left, right] = [items(l), items(r)];
  const expected = byMap(left, right);
  expect(whole(left, right), "whole lists").toEqual(expected);
  for (const size of [1, 2, 3, 100]) expect(streamed(left, right, size), `pieces of ${size}`).toEqual(expected);
});
