import { expect, test } from "vitest";
import { eachFileRow, fileRows } from "@/lib/analysis/file-rows";
import { filterFileRows, pageOfFileRows } from "@/lib/analysis/filter-file-rows";
import { InventoryBuilder } from "@/tests/support/inventory-builder";

// The seed's shape: a root-owned app tree whose __pycache__ the service user cannot write, and a writable one.
const inventory = () =>
  new InventoryBuilder({ user: "lernmanager" })
    .root("/opt/lernmanager", { owner: "root" })
    .source("lernmanager/app.py", "fresh")
    .source("lernmanager/views.py", "missing")
    .source("lernmanager/models.py", "stale", { reason: "mtime" })
    .root("/srv/writable", { owner: "lernmanager" })
    .source("job.py", "missing")
    .build();

test("each source has its pyc path under the interpreter's cache tag, and blocked means not fresh and not writable", () => {
  const rows = fileRows(inventory());
  expect(rows.map((r) => [r.path, r.status, r.blocked])).toEqual([
    ["lernmanager/app.py", "fresh", false],
    ["lernmanager/views.py", "missing", true],
    ["lernmanager/models.py", "stale", true],
    ["job.py", "missing", false],
  ]);
  expect(rows[0]?.pycPath).toBe("/opt/lernmanager/lernmanager/__pycache__/app.cpython-311.pyc");
  expect(rows[2]?.reason).toBe("mtime");
  expect(rows[1]?.reason).toMatch(/lernmanager/); // the directory's own reason: who cannot write where
  expect(rows[3]?.reason).toBeNull();
});

test("-O level names the opt- pyc the interpreter would look for", () => {
  const built = new InventoryBuilder().interpreter({ optimize: 2 }).root("/srv/app").source("a.py", "missing").build();
  expect(fileRows(built)[0]?.pycPath).toBe("/srv/app/__pycache__/a.cpython-311.opt-2.pyc");
});

test.each([
  { query: "VIEWS", statuses: [], blockedOnly: false, paths: ["lernmanager/views.py"] },
  { query: "/srv/", statuses: [], blockedOnly: false, paths: ["job.py"] },
  { query: "", statuses: ["missing"], blockedOnly: false, paths: ["lernmanager/views.py", "job.py"] },
  {
    query: "",
    statuses: ["missing", "stale"],
    blockedOnly: true,
    paths: ["lernmanager/views.py", "lernmanager/models.py"],
  },
  { query: "nothing-like-this", statuses: [], blockedOnly: false, paths: [] },
] as const)("filter $query $statuses blocked=$blockedOnly", ({ query, statuses, blockedOnly, paths }) => {
  const rows = filterFileRows(fileRows(inventory()), { query, statuses: new Set(statuses), blockedOnly });
  expect(rows.map((r) => r.path)).toEqual(paths);
});

test.each([
  { query: "", statuses: [], blockedOnly: false },
  { query: "lernmanager/", statuses: [], blockedOnly: false },
  { query: "ager/lern", statuses: [], blockedOnly: false },
  { query: "", statuses: ["missing", "stale"], blockedOnly: true },
] as const)("a page of $query $statuses blocked=$blockedOnly in one pass is that slice of the filtered rows", (f) => {
  const filter = { ...f, statuses: new Set(f.statuses) };
  const all = filterFileRows(fileRows(inventory()), filter);
  for (const [offset, limit] of [
    [0, 500],
    [1, 1],
    [2, 5],
    [9, 5],
  ] as const)
    expect(pageOfFileRows(eachFileRow(inventory()), filter, offset, limit)).toEqual({
      total: all.length,
      rows: all.slice(offset, offset + limit),
    });
});
