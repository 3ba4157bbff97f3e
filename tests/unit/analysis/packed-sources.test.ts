import { expect, test } from "vitest";
import { coverageOf } from "@/lib/analysis/coverage";
import { diagnose } from "@/lib/analysis/diagnostics";
import { snapshotViewOf } from "@/lib/analysis/snapshot-view";
import type { SnapshotInput } from "@/lib/analysis/types";
import { SourceTable } from "@/lib/snapshot/source-table";
import { healthy } from "./helpers";

/** The same snapshot with its sources packed, as the store step analyses a collection. */
function packed(s: SnapshotInput): SnapshotInput {
  const sourceTables = s.inventory.roots.map((root) => {
    const table = new SourceTable();
    for (const source of root.sources) table.push(source);
    return table;
  });
  const roots = s.inventory.roots.map((root) => ({ ...root, sources: [] }));
  return { ...s, inventory: { ...s.inventory, roots }, sourceTables };
}

const rootOwned = () => healthy("lernmanager").root("/opt/lernmanager", { owner: "root" });

// Situations where the rules read individual sources (statuses, reasons, pyc kinds and owners, paths).
const SNAPSHOTS: [string, () => SnapshotInput][] = [
  ["healthy", () => healthy().snapshot()],
  ["unwritable tree", () => rootOwned().sources(50, "missing", "pkg").sources(5, "stale", "pkg/sub").snapshot()],
  [
    "stale by reason",
    () =>
      healthy().source("old.py", "stale", { reason: "mtime" }).sources(9, "stale", "x", { reason: "size" }).snapshot(),
  ],
  [
    "unchecked hash",
    () => healthy().source("edited.py", "stale", { reason: "hash", pyc: "unchecked-hash" }).snapshot(),
  ],
  [
    "checked hash, never checked",
    () =>
      healthy()
        .interpreter({ checkHashPycs: "never" })
        .source("edited.py", "stale", { reason: "hash", pyc: "checked-hash" })
        .snapshot(),
  ],
  [
    "foreign tag where the service cannot write",
    () =>
      rootOwned()
        .source("a.py", "missing")
        .source("b.py", "missing")
        .extra("__pycache__/a.cpython-310.pyc", "foreign-tag", "cpython-310")
        .extra("__pycache__/b.cpython-310.pyc", "foreign-tag", "cpython-310")
        .snapshot(),
  ],
  [
    "other -O level",
    () =>
      healthy()
        .interpreter({ optimize: 1 })
        .source("a.py", "missing")
        .extra("__pycache__/a.cpython-311.pyc", "other-opt", null)
        .snapshot(),
  ],
  [
    "root-owned __pycache__ with root-owned pycs",
    () =>
      healthy()
        .dir("pkg", { pycache: { owner: "root" } })
        .source("pkg/views2.py", "stale", { pycOwner: "root" })
        .source("pkg/gone.py", "missing")
        .snapshot(),
  ],
  ["unreadable sources", () => healthy().source("secret.py", "unreadable").skipped("pkg", "unreadable").snapshot()],
  [
    "site-packages root",
    () =>
      healthy()
        .root("/srv/venv/lib/python3.11/site-packages", { kind: "site-packages", owner: "root" })
        .source("flask/app.py", "missing")
        .source("flask/json/provider.py", "stale", { reason: "mtime" })
        .snapshot(),
  ],
];

test.each(SNAPSHOTS)("packed sources give the same coverage and findings: %s", (_name, make) => {
  const whole = make();
  const compact = packed(whole);
  expect(compact.inventory.roots.every((root) => root.sources.length === 0)).toBe(true);
  expect(coverageOf(compact.inventory, compact.sourceTables)).toEqual(coverageOf(whole.inventory));
  expect(diagnose(compact)).toEqual(diagnose(whole));
  expect(snapshotViewOf(compact)).toEqual(snapshotViewOf(whole));
});

test("the situations above make rules fire that read individual sources", () => {
  const ids = new Set(SNAPSHOTS.flatMap(([, make]) => diagnose(make()).map((f) => f.id)));
  for (const id of [
    "pycache-not-writable",
    "stale-bytecode",
    "unchecked-hash-stale",
    "foreign-cache-tag",
    "optimize-level-mismatch",
    "pycache-owned-by-other-user",
    "source-dir-unreadable",
  ])
    expect(ids).toContain(id);
});
