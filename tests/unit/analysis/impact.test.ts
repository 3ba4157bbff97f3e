import { expect, test } from "vitest";
import { fixOutcomes, type OutcomeSide } from "@/lib/analysis/impact/fix-outcome";
import { impactOf } from "@/lib/analysis/impact/impact-of";
import type { Measurements, Server } from "@/lib/snapshot/schema";
import { serverWith } from "./helpers";

// The cost in the operator's units (lib/analysis/impact): measured per-process cost × processes per start ×
// starts per day, plus recycled workers, and fixes proven against the next snapshot.
const gunicorn = (patch: Partial<Server> = {}): { server: Server } => ({
  server: serverWith({
    kind: "gunicorn",
    processesPerStart: { value: 3, source: "ExecStart --workers 3" },
    workers: { value: 3, source: "ExecStart --workers 3" },
    preload: { value: false, source: "gunicorn's default (no --preload)" },
    ...patch,
  }),
});

const measured = (journal: { starts: number; requests: number } | null, ms = 100): Measurements => ({
  collectorMs: 1,
  startup: { modules: 10, ms, capped: false, lowMs: ms - 20, highMs: ms },
  starts: {
    nRestarts: 0,
    execMainStartTimestamp: null,
    activeEnterTimestamp: null,
    journal: journal && { days: 7, ...journal },
    notes: [],
  },
});

const cases = [
  {
    name: "3 workers, 14 starts in 7 days: 80–100 ms × 3 × 2 per day",
    inventory: gunicorn(),
    measurements: measured({ starts: 14, requests: 0 }),
    expected: { cpuSecondsPerDay: { low: 0.48, high: 0.6 }, startsPerDay: { value: 2, source: "journal 7 d" } },
  },
  {
    name: "no readable journal: starts per day and CPU-seconds unknown",
    inventory: gunicorn(),
    measurements: measured(null),
    expected: { cpuSecondsPerDay: null, startsPerDay: null },
  },
  {
    name: "max-requests 1000 with 70,000 logged requests in 7 days: 10 recycles a day add 0.8–1 s",
    inventory: gunicorn({ maxRequests: { value: 1000, source: "ExecStart --max-requests 1000" } }),
    measurements: measured({ starts: 7, requests: 70_000 }),
    expected: { cpuSecondsPerDay: { low: 0.24 + 0.8, high: 0.3 + 1 } },
  },
  {
    name: "the user's own request rate wins over the journal",
    inventory: gunicorn({ maxRequests: { value: 1000, source: "ExecStart --max-requests 1000" } }),
    measurements: measured({ starts: 7, requests: 70_000 }),
    options: { requestsPerDay: 0 },
    expected: { cpuSecondsPerDay: { low: 0.24, high: 0.3 } },
  },
  {
    name: "preloaded: recycled workers inherit the app and pay nothing",
    inventory: gunicorn({
      processesPerStart: { value: 1, source: "ExecStart --preload" },
      preload: { value: true, source: "ExecStart --preload" },
      maxRequests: { value: 1000, source: "ExecStart --max-requests 1000" },
    }),
    measurements: measured({ starts: 7, requests: 70_000 }),
    expected: { cpuSecondsPerDay: { low: 0.08, high: 0.1 } },
  },
];

test.each(cases)("$name", ({ inventory, measurements, options, expected }) => {
  expect(impactOf(inventory, measurements, options)).toMatchObject(expected);
});

test("nothing measured: no impact", () => {
  expect(impactOf(gunicorn(), null)).toBeNull();
});

const side = (ms: number, findings: OutcomeSide["findings"], blocked: number): OutcomeSide => ({
  id: String(ms),
  findings,
  impact: impactOf(gunicorn(), measured({ starts: 14, requests: 0 }, ms)),
  startup: { modules: 10, fresh: 10 - blocked, stale: 0, missing: blocked, blocked },
  measuredMs: ms,
});

const finding = (low: number, high: number) => ({
  id: "pycache-not-writable",
  severity: "warning" as const,
  title: "t",
  detail: "d",
  evidence: [],
  fix: [{ text: "x", predicted: { blocked: 0, startupCoverage: 100, cpuSecondsPerDay: { low, high } } }],
});

test("a fixed finding: the measured saving at the earlier start rate is compared with the prediction", () => {
  const [outcome] = fixOutcomes(side(100, [finding(0.48, 0.6)], 10), side(0, [], 0));
  expect(outcome).toMatchObject({
    measured: { blocked: 0, startupCoverage: 100, cpuSecondsPerDay: 0.6 },
    withinPrediction: true,
  });
});

test("a fix that left half the cost is outside the predicted range", () => {
  const [outcome] = fixOutcomes(side(100, [finding(0.48, 0.6)], 10), side(50, [], 5));
  expect(outcome).toMatchObject({ measured: { blocked: 5, cpuSecondsPerDay: 0.3 }, withinPrediction: false });
});

test("a finding still present is no outcome", () => {
  expect(fixOutcomes(side(100, [finding(0.48, 0.6)], 10), side(100, [finding(0.48, 0.6)], 10))).toEqual([]);
});
