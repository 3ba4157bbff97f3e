import fs from "node:fs";
import path from "node:path";
import type { Figure } from "./bench-data";
import { figureRowMarkdown, missedHeadline } from "./results-markdown";

/** What a partial run (`--only cli`) rewrites in RESULTS.md; everything else is left as the last run wrote it. */
export type RowUpdate = {
  /** The figures as results.json holds them before this run: their titles find their rows. */
  previous: Figure[];
  figures: Figure[];
  date: string;
  command: string;
  /** The "How it is measured" bullet of these rows, found by its first words (`prefix`). */
  method: { prefix: string; line: string };
  /** The "Every run" bullets of these rows, found by their first words (`prefix`). */
  runs: { prefix: string; lines: string[] };
};

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** Replaces the lines matching `isOld` by `fresh`, where the first of them stood (or nowhere when none does). */
function replaceLines(lines: string[], isOld: (line: string) => boolean, fresh: string[]): string[] {
  const at = lines.findIndex(isOld);
  if (at < 0) return lines;
  const kept = lines.filter((line) => !isOld(line));
  kept.splice(at, 0, ...fresh);
  return kept;
}

/** The "Goals missed" section with these figures' entries (and their indented analysis) replaced. */
function updateMissed(lines: string[], update: RowUpdate): string[] {
  const start = lines.indexOf("## Goals missed");
  if (start < 0) return lines;
  let end = lines.findIndex((line, i) => i > start && line.startsWith("## "));
  if (end < 0) end = lines.length;
  const ids = new Set(update.figures.map((f) => f.id));
  const titles = [...update.previous.filter((f) => ids.has(f.id)), ...update.figures].map((f) => `- **${f.title}**:`);
  const entries: string[] = [];
  let dropping = false;
  for (const line of lines.slice(start + 1, end)) {
    if (line.startsWith("- ")) dropping = titles.some((title) => line.startsWith(title));
    else if (!line.startsWith("  ")) dropping = false;
    if (!dropping && line.trim() !== "" && line !== "None.") entries.push(line);
  }
  entries.push(...update.figures.filter((f) => f.status === "missed").map(missedHeadline));
  return [...lines.slice(0, start + 1), "", ...(entries.length ? entries : ["None."]), "", ...lines.slice(end)];
}

const TABLE_HEAD: [string, string] = [
  "| Figure | Goal | Measured | Ratio | Status | Date | Reproduce |",
  "| --- | --- | --- | --- | --- | --- | --- |",
];

/** A RESULTS.md of these rows alone, for a directory no full run has written to. */
function freshResults(update: RowUpdate): string {
  return [
    "# DeployLens benchmarks",
    "",
    ...TABLE_HEAD,
    ...update.figures.map((f) => figureRowMarkdown(f, update.date, update.command)),
    "",
    "## How it is measured",
    "",
    update.method.line,
    "",
    "## Goals missed",
    "",
    ...(update.figures.some((f) => f.status === "missed")
      ? update.figures.filter((f) => f.status === "missed").map(missedHeadline)
      : ["None."]),
    "",
    "## Every run",
    "",
    ...update.runs.lines,
    "",
  ].join("\n");
}

/**
 * RESULTS.md with only these figures' rows, method bullet, run bullets and missed entries rewritten. A row is
 * found by the title the previous run gave it; one not found is added at the end of the table.
 */
export function updateRows(markdown: string, update: RowUpdate): string {
  if (!markdown.includes(TABLE_HEAD[0])) return freshResults(update);
  let lines = markdown.split("\n");
  for (const figure of update.figures) {
    const old = update.previous.find((f) => f.id === figure.id);
    const row = figureRowMarkdown(figure, update.date, update.command);
    const at = old ? lines.findIndex((line) => line.startsWith(`| ${cell(old.title)} |`)) : -1;
    if (at >= 0) lines[at] = row;
    else {
      const tableEnd = lines.findIndex((line, i) => i > 0 && lines[i - 1]!.startsWith("|") && !line.startsWith("|"));
      lines.splice(tableEnd < 0 ? lines.length : tableEnd, 0, row);
    }
  }
  lines = replaceLines(lines, (line) => line.startsWith(update.method.prefix), [update.method.line]);
  lines = replaceLines(lines, (line) => line.startsWith(update.runs.prefix), update.runs.lines);
  return updateMissed(lines, update).join("\n");
}

/** What a partial run starts from in `dir`: results.json (or nothing), its figures, and RESULTS.md's text. */
export function readResults(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  const jsonFile = path.join(dir, "results.json");
  const mdFile = path.join(dir, "RESULTS.md");
  const json = fs.existsSync(jsonFile)
    ? (JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Record<string, unknown>)
    : {};
  const previous = Array.isArray(json.figures) ? (json.figures as Figure[]) : [];
  const markdown = fs.existsSync(mdFile) ? fs.readFileSync(mdFile, "utf8") : "";
  return { jsonFile, mdFile, json, previous, markdown };
}
