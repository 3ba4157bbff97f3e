import { expect, test } from "vitest";
import { criticalFindingIds } from "@/lib/analysis/critical-finding-ids";
import { diagnose } from "@/lib/analysis/diagnostics";
import type { SnapshotInput } from "@/lib/analysis/types";
import { detectRegressions, type RegressionRow } from "@/lib/regressions/detect-regressions";
import { healthy } from "./analysis/helpers";

const row = (id: string, over: Partial<RegressionRow> = {}): RegressionRow => ({
  id,
  status: "ok",
  sources: 100,
  fresh: 90,
  stale: 0,
  missing: 10,
  startupClosure: null,
  startupFresh: null,
  startupBlocked: null,
  criticalFindings: 0,
  criticalFindingIds: null,
  ...over,
});

const kinds = (found: { kind: string; against: string }[]) => found.map((r) => `${r.kind}/${r.against}`);

test("a drop of more than the threshold is a regression; exactly the threshold is not", () => {
  expect(kinds(detectRegressions(row("c", { fresh: 84, missing: 16 }), row("p"), null, 5))).toEqual([
    "coverage-drop/previous",
    "blocked-rise/previous",
  ]);
  expect(kinds(detectRegressions(row("c", { fresh: 85, missing: 10, sources: 95 }), row("p"), null, 5))).toEqual([]);
});

test("blocked modules rising and a new critical finding are regressions on their own", () => {
  expect(kinds(detectRegressions(row("c", { sources: 101, missing: 11 }), row("p"), null, 5))).toEqual([
    "blocked-rise/previous",
  ]);
  expect(kinds(detectRegressions(row("c", { criticalFindings: 1 }), row("p"), null, 5))).toEqual([
    "new-critical/previous",
  ]);
});

test("the baseline is judged too, unless it is the previous snapshot; failed snapshots are never regressions", () => {
  const baseline = row("b", { fresh: 100, missing: 0 });
  expect(kinds(detectRegressions(row("c"), row("p"), baseline, 5))).toEqual([
    "coverage-drop/baseline",
    "blocked-rise/baseline",
  ]);
  expect(kinds(detectRegressions(row("c"), baseline, baseline, 5))).toEqual([
    "coverage-drop/previous",
    "blocked-rise/previous",
  ]);
  expect(detectRegressions(row("c", { status: "failed" }), row("p"), null, 5)).toEqual([]);
  expect(detectRegressions(row("c"), null, null, 5)).toEqual([]);
});

test("with a startup closure, its coverage and blocked modules decide, not all sources", () => {
  const before = row("p", { startupClosure: 28, startupFresh: 28, startupBlocked: 0 });
  // All sources improve while the modules loaded at start lose their cache: that is the regression.
  const after = row("c", { fresh: 99, missing: 1, startupClosure: 28, startupFresh: 3, startupBlocked: 25 });
  expect(kinds(detectRegressions(after, before, null, 5))).toEqual(["coverage-drop/previous", "blocked-rise/previous"]);
  expect(kinds(detectRegressions(before, after, null, 5))).toEqual([]);
});

/** The summary columns store-snapshot writes for a snapshot's real findings. */
function critical(id: string, snapshot: SnapshotInput): RegressionRow {
  const ids = criticalFindingIds(diagnose(snapshot));
  return row(id, { criticalFindings: ids.length, criticalFindingIds: ids });
}
const worldWritable = () =>
  healthy()
    .dir("pkg", { pycache: { owner: "app", mode: 0o777 } })
    .snapshot();
const uncheckedHashStale = () =>
  healthy().source("edited.py", "stale", { reason: "hash", pyc: "unchecked-hash" }).snapshot();

test("a critical finding that replaces another is new although the count stays the same", () => {
  const before = critical("p", worldWritable());
  const after = critical("c", uncheckedHashStale());
  expect([before.criticalFindingIds, after.criticalFindingIds]).toEqual([
    ["world-writable-pycache"],
    ["unchecked-hash-stale"],
  ]);
  const found = detectRegressions(after, before, null, 5);
  expect(kinds(found)).toEqual(["new-critical/previous"]);
  expect(found[0]?.message).toBe("new critical finding: unchecked-hash-stale (vs previous)");
});

test("the same critical finding again is not new, and one going away is not a regression", () => {
  expect(detectRegressions(critical("c", worldWritable()), critical("p", worldWritable()), null, 5)).toEqual([]);
  expect(detectRegressions(critical("c", healthy().snapshot()), critical("p", worldWritable()), null, 5)).toEqual([]);
});

test("against a snapshot stored before finding ids were recorded, the count decides", () => {
  const old = row("p", { criticalFindings: 1 });
  expect(detectRegressions(critical("c", uncheckedHashStale()), old, null, 5)).toEqual([]);
  expect(kinds(detectRegressions(row("c", { criticalFindings: 2 }), old, null, 5))).toEqual(["new-critical/previous"]);
});
