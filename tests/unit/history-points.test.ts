import { expect, test } from "vitest";
import { describeChanges, historyPoints, type HistoryRow } from "@/components/hosts/history-points";
import { pageParams, SNAPSHOTS_PER_PAGE } from "@/components/hosts/page-params";

const base: HistoryRow = {
  id: "a",
  takenAt: "2026-11-01T00:00:00.000Z",
  status: "ok",
  sources: 10,
  fresh: 10,
  startupClosure: 5,
  startupFresh: 5,
  startupBlocked: 0,
  configHash: "c1",
  interpreterVersion: "3.11.7",
  criticalFindings: 0,
  warningFindings: 1,
};

test("nothing changed: no marker", () => {
  expect(describeChanges(base, { ...base, id: "b" })).toEqual([]);
});

test("each kind of change says what changed, from what to what", () => {
  const after = {
    ...base,
    configHash: "c2",
    interpreterVersion: "3.12.1",
    criticalFindings: 2,
    warningFindings: 0,
  };
  expect(describeChanges(base, after)).toEqual([
    "service configuration changed",
    "interpreter 3.11.7 → 3.12.1",
    "findings 0 critical, 1 warning → 2 critical, 0 warning",
  ]);
});

test("an interpreter that was not known reads as unknown; rows without the columns are not compared", () => {
  expect(describeChanges({ ...base, interpreterVersion: null }, base)).toEqual(["interpreter unknown → 3.11.7"]);
  const { interpreterVersion: _i, criticalFindings: _c, warningFindings: _w, ...old } = base;
  expect(describeChanges(old, { ...old, id: "b" })).toEqual([]);
});

test("points are oldest first, failed snapshots are skipped, and a change is measured against the previous ok one", () => {
  const points = historyPoints([
    { ...base, id: "3", takenAt: "2026-11-03T00:00:00.000Z", criticalFindings: 1 },
    { ...base, id: "2", takenAt: "2026-11-02T00:00:00.000Z", status: "failed", configHash: null },
    { ...base, id: "1" },
  ]);
  expect(points.map((p) => [p.id, p.changes, p.configChanged])).toEqual([
    ["1", [], false],
    ["3", ["findings 0 critical, 1 warning → 1 critical, 1 warning"], false],
  ]);
  expect(points[1]!.when).toBe("2026-11-03 00:00:00");
});

test("fresh, stale and missing are shares of all sources, stacked to fill the column", () => {
  const [point] = historyPoints([{ ...base, sources: 8, fresh: 4, stale: 2, missing: 2 }]);
  expect([point!.freshShare, point!.staleShare, point!.missingShare]).toEqual([50, 25, 25]);
  const [old] = historyPoints([{ ...base, sources: 0, fresh: 0 }]);
  expect([old!.freshShare, old!.staleShare, old!.missingShare]).toEqual([null, null, null]);
});

test("page parameters: defaults, bounds, and nonsense falls back to page 1", () => {
  expect(pageParams({})).toEqual({ page: 1, per: SNAPSHOTS_PER_PAGE, skip: 0 });
  expect(pageParams({ page: "3", per: "2" })).toEqual({ page: 3, per: 2, skip: 4 });
  expect(pageParams({ page: "-1", per: "0" })).toEqual({ page: 1, per: SNAPSHOTS_PER_PAGE, skip: 0 });
  expect(pageParams({ page: "x", per: "100000" }).per).toBe(200);
  expect(pageParams({ page: ["2", "3"] }).page).toBe(1);
});

test("fewer blocked startup modules mark a fix; more do not", () => {
  expect(describeChanges({ ...base, startupBlocked: 6 }, { ...base, startupBlocked: 0 })).toEqual([
    "blocked startup modules 6 → 0 (a fix took effect)",
  ]);
  expect(describeChanges(base, { ...base, startupBlocked: 6 })).toEqual([]);
});
