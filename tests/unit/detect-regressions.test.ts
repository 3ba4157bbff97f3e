import { expect, test } from "vitest";
import { detectRegressions, type RegressionRow } from "@/lib/regressions/detect-regressions";

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
