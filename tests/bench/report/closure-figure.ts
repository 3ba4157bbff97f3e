import type { BenchData, Figure } from "./bench-data";
import { figureRow, skippedFigure } from "./figure-row";
import { count, seconds } from "./format";

/** 7. A 10,000-module startup closure, followed whole within the collection's own time bound. */
export function closureTime(data: BenchData): Figure {
  const run = data.closure;
  const size = run ? count(run.modules) : "10,000";
  const base = {
    id: "startup-closure" as const,
    title: `Local snapshot of a service with a ${size}-module startup closure`,
    goal: "whole closure within the time bound",
  };
  if (!run) return skippedFigure(base, "not run");
  const ratio = run.ms / run.boundMs;
  return figureRow(base, {
    met: !run.truncated && ratio <= 1,
    measured: `${count(run.modules)} modules in ${seconds(run.ms)}${run.truncated ? " (truncated)" : ""}`,
    ratio,
    ratioText: `${(ratio * 100).toFixed(1)} % of the bound (${seconds(run.boundMs)})`,
    missedBy: run.truncated ? "the closure was cut short" : `${seconds(run.ms - run.boundMs)} over the bound`,
    values: { closureMs: Math.round(run.ms), closureModules: run.modules, boundMs: run.boundMs },
  });
}
