import fs from "node:fs";
import path from "node:path";
import type { BenchData } from "./bench-data";
import { benchFigures, countCheck } from "./figures";
import { keptSections } from "../retention/results-section";
import { resultsMarkdown } from "./results-markdown";

/** Writes RESULTS.md and results.json into `dir`; returns the figures. */
export function writeResults(dir: string, data: BenchData) {
  const figures = benchFigures(data);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "RESULTS.md");
  // The hand-written history and the sections of `--only retention` and `--only fleet` survive a full run.
  const kept = fs.existsSync(file) ? keptSections(fs.readFileSync(file, "utf8")) : "";
  fs.writeFileSync(file, resultsMarkdown(data, figures) + (kept ? `\n${kept}\n` : ""));
  const jsonFile = path.join(dir, "results.json");
  const previous = fs.existsSync(jsonFile)
    ? (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as { fleet?: unknown })
    : {};
  const json = { ...data, figures, countCheck: countCheck(data), fleet: previous.fleet };
  fs.writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
  return figures;
}
