import { expect, test } from "vitest";
import { inventorySchema } from "@/lib/snapshot/schema";
import { InventoryBuilder, modeAccess, permission } from "@/tests/support/inventory-builder";

test("builder output is a valid inventory for the collector contract", () => {
  const inventory = new InventoryBuilder({ user: "lernmanager", unit: "lernmanager.service" })
    .process()
    .prefix("/var/cache/lernmanager/pyc", { owner: "lernmanager" })
    .root("/opt/lernmanager", { owner: "root" })
    .source("app.py")
    .source("pkg/a.py", "stale", { reason: "size" })
    .extra("pkg/__pycache__/b.cpython-310.pyc", "foreign-tag", "cpython-310")
    .skipped("current", "symlink")
    .root("/opt/lernmanager/venv/lib/python3.11/site-packages", { kind: "site-packages" })
    .source("flask/app.py", "missing")
    .mount("/run", "tmpfs")
    .pkg("flask", "3.1.3")
    .truncate("max-files", 10)
    .build();
  expect(inventorySchema.parse(structuredClone(inventory))).toEqual(inventory);
  expect(inventory.roots[0]?.dirs.map((d) => d.bytecode?.path ?? null)).toEqual([
    "/var/cache/lernmanager/pyc/opt/lernmanager",
    "/var/cache/lernmanager/pyc/opt/lernmanager/pkg",
  ]);
});

test("builder rejects what the schema rejects", () => {
  expect(() => new InventoryBuilder().root("/srv/app").source("a.py", "fresh", { size: 1.5 }).build()).toThrow();
});

test.each([
  ["owner with w+x", { owner: "app", mode: 0o755 }, true],
  ["owner without w, even if other has it", { owner: "app", mode: 0o577 }, false],
  ["group member with group w", { owner: "root", group: "app", mode: 0o775 }, true],
  ["other without w", { owner: "root", mode: 0o755 }, false],
  ["other with w but no x", { owner: "root", mode: 0o772 }, false],
] as const)("builder's mode check (python-bytecode.md §8): %s", (_name, spec, writable) => {
  const identity = { user: "app", uid: 2000, gid: 2000, groups: [2000], dacOverride: false };
  expect(modeAccess(permission("/d", spec), identity).writable).toBe(writable);
});
