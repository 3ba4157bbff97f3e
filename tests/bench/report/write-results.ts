import fs from "node:fs";
import path from "node:path";
import type { BenchData } from "./bench-data";
import { benchFigures, countCheck } from "./figures";
import { resultsMarkdown } from "./results-markdown";

/** Writes RESULTS.md and results.json into `dir`; returns the figures. */
export function writeResults(dir: string, data: BenchData) {
  const figures = benchFigures(data);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "RESULTS.md"), resultsMarkdown(data, figures));
  const json = { ...data, figures, countCheck: countCheck(data) };
  fs.writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(json, null, 2)}\n`);
  return figures;
}
