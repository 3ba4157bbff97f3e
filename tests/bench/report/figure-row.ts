import type { Figure } from "./bench-data";

/** What names a figure; the rest of a row is measured. */
export type FigureBase = Pick<Figure, "id" | "title" | "goal">;

/** A figure that was not measured, and why. */
export function skippedFigure(base: FigureBase, reason: string): Figure {
  return { ...base, status: "skipped", measured: "—", ratio: null, ratioText: "—", missedBy: null, reason, values: {} };
}

/**
 * A measured figure against its goal: every row of RESULTS.md has this shape, so the table reads the same
 * whatever the unit. `missedBy` says by how much, and is dropped when the goal is met.
 */
export function figureRow(
  base: FigureBase,
  row: { met: boolean; measured: string; ratio: number; ratioText: string; missedBy: string; values: Figure["values"] },
): Figure {
  return {
    ...base,
    status: row.met ? "met" : "missed",
    measured: row.measured,
    ratio: row.ratio,
    ratioText: row.ratioText,
    missedBy: row.met ? null : row.missedBy,
    reason: null,
    values: row.values,
  };
}

/** A figure whose goal is an upper limit (bytes, milliseconds): the ratio is measured ÷ limit. */
export function limitFigure(
  base: FigureBase,
  value: number,
  limit: number,
  measured: string,
  values: Figure["values"],
): Figure {
  const ratio = value / limit;
  return figureRow(base, {
    met: value <= limit,
    measured,
    ratio,
    ratioText: `${ratio.toFixed(2)} of limit`,
    missedBy: `${ratio.toFixed(2)}× the limit`,
    values,
  });
}
