import { expect, test } from "vitest";
import { alignByPath } from "@/lib/compare/align-by-path";

const items = (paths: string) =>
  paths
    .split(" ")
    .filter(Boolean)
    .map((path) => ({ path }));

/** What a Map of the right side gives: each left with its match (or null), then the unmatched right. */
function byMap(left: { path: string }[], right: { path: string }[]) {
  const rest = new Map(right.map((r) => [r.path, r]));
  const visits = left.map((l) => {
    const r = rest.get(l.path) ?? null;
    rest.delete(l.path);
    return [l.path, r?.path ?? null];
  });
  return { visits, rightOnly: [...rest.keys()] };
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
])("%s: the same matches, in the same order, as a Map of the right side", (_, l, r) => {
  const [left, right] = [items(l), items(r)];
  const visits: [string, string | null][] = [];
  const rightOnly = alignByPath(left, right, (a, b) => visits.push([a.path, b?.path ?? null]));
  expect({ visits, rightOnly: rightOnly.map((x) => x.path) }).toEqual(byMap(left, right));
});
