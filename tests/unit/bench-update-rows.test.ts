import { expect, test } from "vitest";
import type { Figure } from "../bench/report/bench-data";
import { updateRows, type RowUpdate } from "../bench/report/update-rows";

const figure = (id: Figure["id"], title: string, status: Figure["status"], measured: string): Figure => ({
  id,
  title,
  goal: "≤ 2.0×",
  status,
  measured,
  ratio: 1,
  ratioText: "1.00×",
  missedBy: status === "missed" ? "1.10× over the goal" : null,
  reason: null,
  values: {},
});

const before = [
  "# DeployLens benchmarks",
  "",
  "| Figure | Goal | Measured | Ratio | Status | Date | Reproduce |",
  "| --- | --- | --- | --- | --- | --- | --- |",
  "| In-process row | ≤ 1.5× | 3 s | 1.00× | met | 2026-11-30 | `npm run bench` |",
  "| Old CLI title | ≤ 1.5× | 5 s | 1.37× | met | 2026-11-30 | `npm run bench` |",
  "",
  "## How it is measured",
  "",
  "- **Floor**: find.",
  "- **CLI** old method.",
  "",
  "## Goals missed",
  "",
  "- **In-process row**: 3 s; goal ≤ 1.5×; missed.",
  "  its analysis",
  "",
  "## Every run",
  "",
  "- Snapshot: 3 s",
  "- CLI `collect`: 5 s",
  "- CLI `--version`: 0.2 s",
  "- Load: 9 s",
  "",
].join("\n");

const update = (status: Figure["status"]): RowUpdate => ({
  previous: [
    figure("e2e-vs-floor", "In-process row", "missed", "3 s"),
    figure("cli-collect-vs-floor", "Old CLI title", "met", "5 s"),
  ],
  figures: [figure("cli-collect-vs-floor", "New CLI title", status, "3 s")],
  date: "2026-12-07T05:00:00.000Z",
  command: "npm run bench -- --only cli",
  method: { prefix: "- **CLI** ", line: "- **CLI** new method." },
  runs: { prefix: "- CLI `", lines: ["- CLI `collect`: 3 s"] },
});

test("a partial run rewrites its rows, method and run bullets, and leaves every other line alone", () => {
  const after = updateRows(before, update("met")).split("\n");
  expect(after).toContain(
    "| New CLI title | ≤ 2.0× | 3 s | 1.00× | met | 2026-12-07 | `npm run bench -- --only cli` |",
  );
  expect(after.join("\n")).not.toContain("Old CLI title");
  expect(after).toContain("| In-process row | ≤ 1.5× | 3 s | 1.00× | met | 2026-11-30 | `npm run bench` |");
  expect(after.filter((line) => line.startsWith("- CLI `"))).toEqual(["- CLI `collect`: 3 s"]);
  expect(after).toContain("- **CLI** new method.");
  expect(after).toContain("- Load: 9 s");
  expect(after).toContain("  its analysis");
});

test("a row the partial run misses is listed under Goals missed, after the entries it does not own", () => {
  const after = updateRows(before, update("missed")).split("\n");
  const missed = after.slice(after.indexOf("## Goals missed"), after.indexOf("## Every run"));
  expect(missed.filter((line) => line.startsWith("- "))).toEqual([
    "- **In-process row**: 3 s; goal ≤ 1.5×; missed.",
    "- **New CLI title**: 3 s; goal ≤ 2.0×; 1.10× over the goal.",
  ]);
});

test("into a directory no full run wrote, a partial run writes a RESULTS.md of its own rows", () => {
  const after = updateRows("", update("met"));
  expect(after).toContain("| New CLI title |");
  expect(after).toContain("- **CLI** new method.");
});
