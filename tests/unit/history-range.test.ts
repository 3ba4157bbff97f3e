import { expect, test } from "vitest";
import { historyRange, labelledMarkers, rangeDomain } from "@/components/hosts/history-range";

test.each([
  ["24h", "24h"],
  ["7d", "7d"],
  ["30d", "30d"],
  ["all", "all"],
  ["1y", "all"],
  [undefined, "all"],
  [["7d", "24h"], "all"],
] as const)("?range=%s shows %s", (value, expected) => {
  expect(historyRange(value as string | string[] | undefined)).toBe(expected);
});

test("a preset's domain ends now and reaches back exactly its length; all has none", () => {
  const now = Date.UTC(2026, 11, 7);
  expect(rangeDomain("24h", now)).toEqual([now - 86_400_000, now]);
  expect(rangeDomain("30d", now)).toEqual([now - 30 * 86_400_000, now]);
  expect(rangeDomain("all", now)).toBeNull();
});

test("markers closer than 5 % of the span share one label, so labels never overlap", () => {
  const span = 1_000;
  expect([...labelledMarkers([0, 10, 49, 50, 120, 900, 930], span)]).toEqual([0, 50, 120, 900]);
  expect(labelledMarkers([], span).size).toBe(0);
});

test("points sit on a true time axis: a 24 s gap and a 10 min gap are 24,000 and 600,000 ms apart", async () => {
  const { historyPoints } = await import("@/components/hosts/history-points");
  const row = { status: "ok", sources: 1, fresh: 1, startupClosure: null, startupFresh: null, startupBlocked: null };
  const points = historyPoints([
    { ...row, id: "a", takenAt: "2026-12-07T10:00:00.000Z", configHash: "x" },
    { ...row, id: "b", takenAt: "2026-12-07T10:00:24.000Z", configHash: "x" },
    { ...row, id: "c", takenAt: "2026-12-07T10:10:24.000Z", configHash: "x" },
  ]);
  expect([points[1]!.t - points[0]!.t, points[2]!.t - points[1]!.t]).toEqual([24_000, 600_000]);
});
