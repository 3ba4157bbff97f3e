import { expect, test } from "vitest";
import { cachingVerdict } from "@/lib/analysis/caching-verdict";
import { coveragePercent } from "@/lib/analysis/coverage-percent";
import { startupCoverageOf } from "@/lib/analysis/startup-coverage";
import type { Finding } from "@/lib/analysis/types";
import { historyPoints } from "@/components/hosts/history-points";
import type { Startup, StartupModule } from "@/lib/snapshot/schema";

const mod = (name: string, status: StartupModule["status"], blocked = false): StartupModule => ({
  name,
  path: `/opt/app/${name.replaceAll(".", "/")}.py`,
  status,
  reason: null,
  blocked,
});
const closure = (modules: StartupModule[]): Startup => ({
  origin: "service",
  entryPoints: ["wsgi:app"],
  sysPath: ["/opt/app"],
  modules,
  unresolved: [],
  unparsed: [],
  notes: [],
  truncated: null,
});

test.each([
  { fresh: 3, modules: 28, percent: 10.7 },
  { fresh: 28, modules: 28, percent: 100 },
  { fresh: 27, modules: 28, percent: 96.4 },
  { fresh: 0, modules: 0, percent: null },
])("startup coverage of $fresh/$modules is $percent (rounded down)", ({ fresh, modules, percent }) => {
  expect(coveragePercent(fresh, modules)).toBe(percent);
});

test("counts come from the closure: blocked modules are those not fresh the service can never write", () => {
  const c = startupCoverageOf(
    closure([
      mod("app", "fresh"),
      mod("app.models", "missing", true),
      mod("app.views", "stale", true),
      mod("json", "missing"),
    ]),
  );
  expect(c).toEqual({ modules: 4, fresh: 1, stale: 1, missing: 2, blocked: 2, percent: 25 });
  expect(startupCoverageOf(null)).toBeNull();
});

const finding = {
  id: "stale-bytecode",
  severity: "info",
  title: "",
  detail: "",
  evidence: [],
  fix: [],
} satisfies Finding;

test.each([
  {
    case: "nothing blocked, no findings",
    findings: [],
    counts: { modules: 2, fresh: 2, stale: 0, missing: 0, blocked: 0 },
    says: /caching works/,
  },
  {
    case: "blocked modules and no rule",
    findings: [],
    counts: { modules: 2, fresh: 1, stale: 0, missing: 1, blocked: 1 },
    says: /1 of the 2 startup modules are blocked/,
  },
  { case: "no closure", findings: [], counts: null, says: /no startup closure/ },
])("caching-works verdict: $case", ({ findings, counts, says }) => {
  const text = cachingVerdict(findings, counts);
  expect(text).toMatch(says);
  if (!counts || counts.blocked > 0) expect(text).not.toMatch(/caching works/);
});

test("a snapshot with findings gets no verdict sentence", () => {
  expect(cachingVerdict([finding], null)).toBeNull();
});

test("the history line is startup coverage and blocked is its own series; old snapshots have no startup point", () => {
  const row = { status: "ok", sources: 100, fresh: 90, configHash: "a" };
  const points = historyPoints([
    { ...row, id: "2", takenAt: "2026-11-02T00:00:00Z", startupClosure: 28, startupFresh: 28, startupBlocked: 0 },
    { ...row, id: "1", takenAt: "2026-11-01T00:00:00Z", startupClosure: 28, startupFresh: 3, startupBlocked: 25 },
    {
      ...row,
      id: "0",
      takenAt: "2026-10-31T00:00:00Z",
      startupClosure: null,
      startupFresh: null,
      startupBlocked: null,
    },
  ]);
  expect(points.map((p) => [p.id, p.startup, p.blocked, p.allSources])).toEqual([
    ["0", null, null, 90],
    ["1", 10.7, 25, 90],
    ["2", 100, 0, 90],
  ]);
});
