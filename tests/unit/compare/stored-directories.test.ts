import { expect, test } from "vitest";
import { commonDirectories, permissionRows } from "@/lib/compare/permission-rows";
import { DirectoryJoin, directoryPathOf } from "@/lib/compare/stored-directories";
import { canonicalJson } from "@/lib/snapshot/canonical-json";
import type { Root } from "@/lib/snapshot/schema";
import { InventoryBuilder } from "../../support/inventory-builder";

// Directory records joined as two blobs inflate must give the permission rows of the whole lists.

const rootOf = (path: string, build: (b: InventoryBuilder) => InventoryBuilder): Root =>
  build(new InventoryBuilder({ user: "app" }).root(path)).build().roots[0]!;

const left = rootOf("/srv/app", (b) =>
  b.sources(2, "fresh", "a").sources(2, "fresh", "b").sources(2, "fresh", "c").sources(1, "fresh", 'd "q"'),
);
const right = rootOf("/opt/app", (b) =>
  b
    .sources(2, "fresh", "c")
    .sources(2, "fresh", "a")
    .sources(2, "fresh", "b")
    .sources(1, "fresh", 'd "q"')
    .sources(1, "fresh", "e")
    .dir("b", { mode: 0o555 })
    .dir('d "q"', { readable: false }),
);

test.each([
  [
    "left first",
    (j: DirectoryJoin) => (
      left.dirs.forEach((d) => j.left(canonicalJson(d))),
      right.dirs.forEach((d) => j.right(canonicalJson(d)))
    ),
  ],
  [
    "right first",
    (j: DirectoryJoin) => (
      right.dirs.forEach((d) => j.right(canonicalJson(d))),
      left.dirs.forEach((d) => j.left(canonicalJson(d)))
    ),
  ],
  [
    "in turns",
    (j: DirectoryJoin) =>
      left.dirs.forEach((d, i) => {
        j.left(canonicalJson(d));
        if (right.dirs[i]) j.right(canonicalJson(right.dirs[i]));
      }),
  ],
])("joined %s, directories give the permission rows of the whole lists", (_, feed) => {
  const join = new DirectoryJoin();
  feed(join);
  if (right.dirs.length > left.dirs.length)
    right.dirs.slice(left.dirs.length).forEach((d) => join.right(canonicalJson(d)));
  const expected = permissionRows([[left, right]], (_p, l, r) => commonDirectories(l, r));
  expect(expected.total).toBe(2);
  expect(permissionRows([[left, right]], () => join.changed())).toEqual(expected);
});

test("a directory record's path is read without parsing it, escapes included", () => {
  for (const dir of [...left.dirs, ...right.dirs]) expect(directoryPathOf(canonicalJson(dir))).toBe(dir.path);
});
