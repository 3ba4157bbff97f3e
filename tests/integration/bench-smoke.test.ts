import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Figure, FigureId } from "@/tests/bench/report/bench-data";
import type { SnapshotFigures } from "@/tests/bench/e2e/worker-protocol";
import { tempDir } from "../support/temp-dir";

// The benchmark suite must keep working; its speed is judged in tests/bench/RESULTS.md, never here.
const ROOT = path.resolve(import.meta.dirname, "../..");
const out = tempDir("deploylens-bench-smoke-");
type Results = {
  figures: Figure[];
  e2e: SnapshotFigures[];
  resnapshot: SnapshotFigures | null;
  countCheck: { matches: boolean; expected: object; reported: object };
};
let results: Results;
let output = "";

function runBench(): Promise<number | null> {
  // Without vitest's NODE_ENV=test, which would otherwise reach `next start`.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => key !== "NODE_ENV"),
  ) as NodeJS.ProcessEnv;
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["tests/bench/run.ts", "--smoke", "--out", out.dir], {
    cwd: ROOT,
    env,
  });
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
}

beforeAll(async () => {
  const code = await runBench();
  expect(code, output).toBe(0);
  results = JSON.parse(fs.readFileSync(path.join(out.dir, "results.json"), "utf8")) as Results;
}, 1_200_000);
afterAll(() => out.remove());

const figure = (id: FigureId) => results.figures.find((f) => f.id === id)!;
const numbers = (f: Figure) =>
  Object.values(f.values)
    .flat()
    .filter((v): v is number => typeof v === "number");

test("the smoke bench writes RESULTS.md and every figure", () => {
  expect(fs.readFileSync(path.join(out.dir, "RESULTS.md"), "utf8")).toMatch(/\| Figure \| Goal \| Measured \| Ratio/);
  const ids: FigureId[] = [
    "e2e-vs-floor",
    "cli-collect-vs-floor",
    "cli-rss",
    "cli-rss-growth",
    "cli-rss-large",
    "dashboard-rss",
    "cli-version",
    "vs-ansible",
    "store-first",
    "store-resnapshot",
    "compare",
    "cli-compare-large",
    "linearity",
    "startup-closure",
    "load",
    "load-latency",
    "load-event-loop",
    "render-table",
    "render-search",
  ];
  expect(results.figures.map((f) => f.id)).toEqual(ids);
});

test.each([
  "e2e-vs-floor",
  "store-first",
  "store-resnapshot",
  "compare",
  "startup-closure",
  "cli-collect-vs-floor",
  "cli-rss",
  "cli-version",
] as FigureId[])("figure %s is measured with positive numbers", (id) => {
  const f = figure(id);
  expect(f.status, f.reason ?? "").not.toBe("skipped");
  expect(f.ratio).toBeGreaterThan(0);
  expect(numbers(f).some((n) => n > 0)).toBe(true);
});

test("Ansible and the dashboard's RSS are skipped only when Ansible or a build is really missing", () => {
  const hasAnsible = spawnSync("sh", ["-c", "command -v ansible"]).status === 0;
  const hasBuild = fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
  for (const [id, present] of [
    ["vs-ansible", hasAnsible],
    ["dashboard-rss", hasBuild],
    ["load", hasBuild],
    ["render-table", hasBuild],
    ["render-search", hasBuild],
  ] as const) {
    const f = figure(id);
    if (present) expect(f.ratio, `${id}: ${f.reason}`).toBeGreaterThan(0);
    else expect(f.reason).toBeTruthy();
  }
  for (const id of ["linearity", "cli-rss-large", "cli-compare-large"] as FigureId[])
    expect(figure(id)).toMatchObject({ status: "skipped", reason: expect.stringMatching(/--million/) });
});

test("the timed snapshot is stored ok, untruncated, with the counts the tree was built with", () => {
  expect(results.e2e[0]).toMatchObject({ ok: true, truncated: false });
  expect(results.countCheck.reported).toEqual(results.countCheck.expected);
});

test("an identical re-snapshot adds no blob bytes, only its row", () => {
  expect(results.resnapshot).toMatchObject({ ok: true, store: { blobBytes: 0, blobsAdded: 0 } });
  expect(results.resnapshot!.store.rowBytes).toBeGreaterThan(0);
});

test("the CLI's peak RSS is measured at both sizes", () => {
  const growth = figure("cli-rss-growth");
  expect(growth.status, growth.reason ?? "").not.toBe("skipped");
  expect(growth.values).toMatchObject({ basePeakBytes: expect.any(Number), peakBytes: expect.any(Number) });
  expect(growth.values.basePeakBytes).toBeGreaterThan(0);
  expect(growth.values.sources).toBeGreaterThan(results.e2e[0]!.sources);
});

// Not a timing: the load row demands that nothing fails under load, which holds at any size.
test("under load every snapshot is complete, no request fails and SQLite is never busy", () => {
  const load = figure("load");
  if (load.status === "skipped") return;
  expect(load.values).toMatchObject({ failedSnapshots: 0, errors: 0, busyLines: 0 });
  expect(load.values.completeSnapshots).toBeGreaterThan(0);
  expect(load.values.requests).toBeGreaterThan(0);
});

test("the snapshot page keeps fewer than 2,000 rows in the DOM and its search finds the file", () => {
  const table = figure("render-table");
  if (table.status === "skipped") return;
  expect(table.values.maxDomRows).toBeGreaterThan(0);
  expect(table.values.maxDomRows).toBeLessThan(2000);
  expect(figure("render-search").values.searchMedianMs).toBeGreaterThan(0);
});
