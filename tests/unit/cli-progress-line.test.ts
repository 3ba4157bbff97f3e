import { expect, test } from "vitest";
import { progressLine } from "@/lib/cli/progress-line";
import { showsProgress } from "@/lib/cli/progress-bar";

test("the progress line shows the phase as a bar, files, directories and elapsed time, like the dashboard's", () => {
  const cases: [Parameters<typeof progressLine>[0], string][] = [
    [{ host: null, progress: null, elapsedMs: 0, done: 0, total: 1 }, "░░░░░░░░░░░░░░░░ connecting… · 0.0 s"],
    [
      { host: "web", progress: { phase: "walk", dirs: 1483, files: 10841 }, elapsedMs: 2250, done: 0, total: 1 },
      "███████░░░░░░░░░ web: walk: 10,841 files in 1,483 directories · 2.3 s",
    ],
    [
      { host: "db", progress: { phase: "startup", dirs: 9, files: 80 }, elapsedMs: 61_000, done: 2, total: 3 },
      "██████████████░░ 2/3 hosts · db: startup: 80 files in 9 directories · 61.0 s",
    ],
    // A phase the bar does not know yet counts as the first.
    [
      { host: "web", progress: { phase: "later", dirs: 0, files: 0 }, elapsedMs: 100, done: 0, total: 1 },
      "██░░░░░░░░░░░░░░ web: later: 0 files in 0 directories · 0.1 s",
    ],
  ];
  for (const [state, line] of cases) expect(progressLine(state)).toBe(line);
});

test("progress shows only when stdout and stderr both are a terminal", () => {
  const cases: [boolean | undefined, boolean | undefined, boolean][] = [
    [true, true, true],
    [false, true, false],
    [undefined, true, false],
    [true, false, false],
    [undefined, undefined, false],
  ];
  for (const [stdout, stderr, shown] of cases) expect(showsProgress({ isTTY: stdout }, { isTTY: stderr })).toBe(shown);
});
