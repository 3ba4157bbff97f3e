import { expect, test } from "vitest";
import { selectPrunable, type RetentionRow } from "@/lib/retention/select-prunable";

const DAY = 86_400_000;
const now = new Date(Date.UTC(2026, 5, 1));
const policy = { keepAllDays: 30, keepDailyDays: null };

function row(id: string, daysAgo: number, hour: number, over: Partial<RetentionRow> = {}): RetentionRow {
  const midnight = now.getTime() - daysAgo * DAY;
  return {
    id,
    hostId: "h",
    takenAt: new Date(midnight + hour * 3_600_000),
    status: "ok",
    errorCode: null,
    sources: 10,
    fresh: 10,
    stale: 0,
    missing: 0,
    criticalFindings: 0,
    warningFindings: 0,
    configHash: "c",
    ...over,
  };
}

const cases: {
  name: string;
  rows: RetentionRow[];
  baselines?: string[];
  policy?: typeof policy | { keepAllDays: number; keepDailyDays: number };
  pruned: string[];
}[] = [
  { name: "everything within keepAllDays stays", rows: [row("a", 29, 1), row("b", 29, 2), row("c", 1, 0)], pruned: [] },
  {
    name: "older: only the day's last snapshot (and the very first) stay",
    rows: [row("a", 40, 1), row("b", 40, 5), row("c", 40, 9)],
    pruned: ["b"],
  },
  {
    name: "a coverage change is kept mid-day",
    rows: [row("a", 40, 1), row("b", 40, 5, { fresh: 9 }), row("c", 40, 9, { fresh: 9 })],
    pruned: [],
  },
  {
    name: "a config change is kept",
    rows: [
      row("a", 40, 1),
      row("b", 40, 5, { configHash: "d" }),
      row("c", 40, 7, { configHash: "d" }),
      row("d", 40, 9, { configHash: "d" }),
    ],
    pruned: ["c"],
  },
  {
    name: "a new finding is kept",
    rows: [
      row("a", 50, 1),
      row("b", 50, 2, { criticalFindings: 1 }),
      row("c", 50, 3, { criticalFindings: 1 }),
      row("d", 50, 4, { criticalFindings: 1 }),
    ],
    pruned: ["c"],
  },
  {
    name: "repeated failures with the same code are not changes",
    rows: [
      row("a", 50, 1, { status: "failed", errorCode: "x" }),
      row("b", 50, 2, { status: "failed", errorCode: "x" }),
      row("c", 50, 3, { status: "failed", errorCode: "x" }),
    ],
    pruned: ["b"],
  },
  {
    name: "a baseline is kept",
    rows: [row("a", 50, 1), row("b", 50, 2), row("c", 50, 3)],
    baselines: ["b"],
    pruned: [],
  },
  {
    name: "beyond keepDailyDays, daily ones go too",
    rows: [row("a", 90, 1), row("b", 90, 2), row("c", 80, 2), row("d", 40, 2)],
    policy: { keepAllDays: 30, keepDailyDays: 60 },
    pruned: ["b", "c"],
  },
];

for (const c of cases) {
  test(`retention: ${c.name}`, () => {
    expect(selectPrunable(c.rows, c.policy ?? policy, new Set(c.baselines ?? []), now).sort()).toEqual(c.pruned);
  });
}

test("retention judges each host on its own history", () => {
  const rows = [
    row("a", 40, 1),
    row("b", 40, 2),
    row("c", 40, 3, { hostId: "other" }),
    row("d", 40, 4, { hostId: "other" }),
  ];
  expect(selectPrunable(rows, policy, new Set(), now)).toEqual([]);
});
