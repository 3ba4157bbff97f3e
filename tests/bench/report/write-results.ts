import fs from "node:fs";
import path from "node:path";
import type { BenchData } from "./bench-data";
import { benchFigures, countCheck } from "./figures";
import { retentionSection } from "../retention/results-section";
import { resultsMarkdown } from "./results-markdown";

/** Writes RESULTS.md and results.json into `dir`; returns the figures. */
export function writeResults(dir: string, data: BenchData) {
  const figures = benchFigures(data);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "RESULTS.md");
  // `--only retention` writes its own section; a full run keeps it.
  const retention = fs.existsSync(file) ? retentionSection(fs.readFileSync(file, "utf8")) : null;
  fs.writeFileSync(file, resultsMarkdown(data, figures) + (retention ? `\n${retention}\n` : ""));
  const json = { ...data, figures, countCheck: countCheck(data) };
  fs.writeFileSync(path.join(dir, "results.json"), `${JSON.stringify(json, null, 2)}\n`);
  return figures;
}
