import fs from "node:fs";
import path from "node:path";
import type { Figure } from "./bench-data";
import { figureRowStart, figureTableRow } from "./results-markdown";

/** What a partial run says about itself beside its rows. */
export type PartialRun = {
  date: string;
  command: string;
  revision: string;
  load: { start: number; end: number | null };
  /** The run's own measurements, kept in results.json under `partialRuns`. */
  data: unknown;
};

type ResultsJson = { figures?: Figure[]; partialRuns?: Record<string, PartialRun> };

/**
 * A partial run (`--only compare`) replaces its own figures in results.json and their rows in RESULTS.md and
 * leaves every other row, section and figure as the last run wrote them. A row is found by the title its
 * figure had in results.json (titles name sizes, which a run can change); a figure without a row is appended
 * to the table. The load average goes into the measured text: rows of one table can come from different runs.
 */
export function updateResults(dir: string, figures: Figure[], run: PartialRun): void {
  const jsonFile = path.join(dir, "results.json");
  const mdFile = path.join(dir, "RESULTS.md");
  const json = (fs.existsSync(jsonFile) ? JSON.parse(fs.readFileSync(jsonFile, "utf8")) : {}) as ResultsJson;
  let markdown = fs.existsSync(mdFile) ? fs.readFileSync(mdFile, "utf8") : "";
  const load = `load average ${run.load.start.toFixed(2)} at the start, ${run.load.end?.toFixed(2) ?? "?"} at the end`;
  const oldFigures = json.figures ?? [];
  for (const figure of figures) {
    const noted = { ...figure, measured: `${figure.measured}; ${load}; commit ${run.revision}` };
    const old = oldFigures.find((f) => f.id === figure.id);
    const row = figureTableRow(noted, run.date.slice(0, 10), `\`${run.command}\``);
    markdown = replaceRow(markdown, [old?.title, figure.title], row);
    json.figures = old ? oldFigures.map((f) => (f.id === figure.id ? noted : f)) : [...oldFigures, noted];
    json.partialRuns = { ...json.partialRuns, [figure.id]: run };
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(mdFile, markdown);
  fs.writeFileSync(jsonFile, `${JSON.stringify(json, null, 2)}\n`);
}

function replaceRow(markdown: string, titles: (string | undefined)[], row: string): string {
  const lines = markdown.split("\n");
  const starts = titles.filter((t): t is string => Boolean(t)).map(figureRowStart);
  const at = lines.findIndex((line) => starts.some((start) => line.startsWith(start)));
  if (at >= 0) lines[at] = row;
  else {
    // After the table's last row.
    const header = lines.findIndex((line) => line.startsWith("| Figure |"));
    let end = header;
    while (end >= 0 && lines[end + 1]?.startsWith("|")) end++;
    lines.splice(end >= 0 ? end + 1 : lines.length, 0, row);
  }
  return lines.join("\n");
}
