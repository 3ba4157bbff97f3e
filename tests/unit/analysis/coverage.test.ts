import { expect, test } from "vitest";
import { coverageOf } from "@/lib/analysis/coverage";
import { coveragePercent } from "@/lib/analysis/coverage-percent";
import { historyPoints } from "@/components/hosts/history-points";
import { InventoryBuilder } from "@/tests/support/inventory-builder";

const build = () =>
  new InventoryBuilder({ user: "app" })
    .root("/srv/app", { owner: "app" })
    .sources(7, "fresh", "pkg")
    .sources(2, "stale", "pkg")
    .source("main.py", "missing")
    .source("secret.py", "unreadable")
    .root("/srv/app/.venv/lib/python3.11/site-packages", { kind: "site-packages", owner: "root" })
    .sources(4, "fresh", "flask")
    .sources(2, "missing", "flask")
    .build();

test("overall, per-root and per-directory counts add up the sources by status", () => {
  const c = coverageOf(build());
  expect(c.overall).toEqual({ sources: 17, fresh: 11, stale: 2, missing: 3, unreadable: 1, percent: 64.7 });
  expect(c.roots.map((r) => [r.kind, r.coverage.sources, r.coverage.fresh])).toEqual([
    ["app", 11, 7],
    ["site-packages", 6, 4],
  ]);
  expect(c.directories[0]?.dirs.map((d) => [d.path, d.sources, d.fresh, d.stale, d.missing, d.unreadable])).toEqual([
    ["", 2, 0, 0, 1, 1],
    ["pkg", 9, 7, 2, 0, 0],
  ]);
});

test("percent rounds down, so 100 means every source is fresh", () => {
  const inventory = new InventoryBuilder()
    .root("/srv/app", { owner: "app" })
    .sources(1999, "fresh")
    .source("last.py", "missing")
    .build();
  expect(coverageOf(inventory).overall.percent).toBe(99.9);
  expect(coverageOf(new InventoryBuilder().root("/srv/app").sources(3, "fresh").build()).overall.percent).toBe(100);
});

test("no sources gives a null percent, not 0 or 100", () => {
  const c = coverageOf(new InventoryBuilder().root("/srv/empty").build());
  expect(c.overall).toEqual({ sources: 0, fresh: 0, stale: 0, missing: 0, unreadable: 0, percent: null });
});

test("writable summary counts source directories by whether the service user can write their bytecode", () => {
  const c = coverageOf(build());
  // app-owned /srv/app: "" and pkg writable; root-owned site-packages/flask not (class other, no w).
  expect(c.writable).toEqual({ dirs: 3, writable: 2, notWritable: 1, byCause: { "no-write": 1 } });
  expect(c.roots[1]?.writable).toEqual({ dirs: 1, writable: 0, notWritable: 1, byCause: { "no-write": 1 } });
});

// Linear, not quadratic: ten times the sources may cost at most ~40 times the time (a quadratic pass costs
// 100 times). The fastest of several alternating runs after a warm-up at full size, so compilation and a
// loaded machine do not decide it; a ratio measured in one run holds where a wall-clock bound would not.
test("100k sources are counted in one linear pass", () => {
  const inventoryOf = (dirs: number) => {
    const b = new InventoryBuilder().root("/srv/app", { owner: "app" });
    for (let d = 0; d < dirs; d++) b.sources(100, d % 3 ? "fresh" : "missing", `pkg${d}`);
    return b.build();
  };
  const [small, large] = [inventoryOf(100), inventoryOf(1000)];
  const time = (inventory: typeof small) => {
    const started = performance.now();
    coverageOf(inventory);
    return performance.now() - started;
  };
  time(large); // warm-up: compiles the code at full size
  // Alternating, so a burst of load elsewhere slows both sizes alike; the fastest of each is compared.
  const best = { small: Infinity, large: Infinity };
  for (let i = 0; i < 5; i++) {
    best.large = Math.min(best.large, time(large));
    best.small = Math.min(best.small, time(small));
  }
  const ratio = best.large / Math.max(best.small, 0.5);
  const c = coverageOf(large);
  expect(c.overall.sources).toBe(100_000);
  expect(c.directories[0]?.dirs).toHaveLength(1000);
  expect(ratio).toBeLessThan(40);
});

test.each<[number, number, number | null]>([
  [2, 3, 66.6],
  [999, 1000, 99.9],
  [1, 1, 100],
  [0, 5, 0],
  [0, 0, null],
])("coveragePercent(%i, %i) is %s: one rule, rounded down", (fresh, sources, percent) => {
  expect(coveragePercent(fresh, sources)).toBe(percent);
});

test("the history chart uses the same percentage as the snapshot (2 of 3 is 66.6, not 66.7)", () => {
  const row = { id: "s", takenAt: "2026-11-30T10:00:00Z", status: "ok", sources: 3, fresh: 2, configHash: null };
  const [point] = historyPoints([{ ...row, startupClosure: 6, startupFresh: 4, startupBlocked: 2 }]);
  expect(point?.allSources).toBe(66.6);
  expect(point?.startup).toBe(66.6);
});

test.each([
  { mode: "default" as const, pyc: "unchecked-hash" as const, fresh: 2 },
  { mode: "always" as const, pyc: "unchecked-hash" as const, fresh: 1 },
  { mode: "default" as const, pyc: "checked-hash" as const, fresh: 1 },
  { mode: "never" as const, pyc: "checked-hash" as const, fresh: 2 },
])(
  "a $pyc pyc of an edited source under --check-hash-based-pycs $mode is loaded from cache: fresh $fresh of 2",
  ({ mode, pyc, fresh }) => {
    const inventory = new InventoryBuilder({ user: "app" })
      .interpreter({ checkHashPycs: mode })
      .root("/srv/app", { owner: "app" })
      .source("kept.py", "fresh")
      .source("edited.py", "stale", { reason: "hash", pyc })
      .build();
    const c = coverageOf(inventory);
    expect(c.overall.fresh).toBe(fresh);
    expect(c.overall.stale).toBe(2 - fresh);
    expect(inventory.roots[0]!.sources.find((s) => s.path === "edited.py")?.status).toBe("stale");
  },
);
