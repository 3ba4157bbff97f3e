import fs from "node:fs";
import type { machineInfo } from "../machine-info";
import type { revision } from "../revision";
import type { Figure } from "./bench-data";
import { readResults, updateRows } from "./update-rows";

/** A partial run (`--only cli`, `--only render`): its figures and the bullets and data that go with them. */
export type PartialRun = {
  figures: Figure[];
  command: string;
  machine: ReturnType<typeof machineInfo>;
  revision: ReturnType<typeof revision>;
  /** The "How it is measured" bullet (found by `prefix`); the run's note is appended to `line`. */
  method: { prefix: string; line: string };
  /** The "Every run" bullets, found by `prefix`. */
  runs: { prefix: string; lines: string[] };
  /** results.json's key for this run's note (`onlyCli`), and what else it replaces there (`{ cli }`). */
  noteKey: string;
  data: Record<string, unknown>;
};

/** Updates this run's rows of RESULTS.md and results.json in `dir`, leaving every other row as it was. */
export function writePartialRun(dir: string, run: PartialRun): void {
  const date = new Date().toISOString();
  const { jsonFile, mdFile, json, previous, markdown: before } = readResults(dir);
  const { load } = run.machine;
  const note =
    ` Last measured alone by \`${run.command}\` on ${date.slice(0, 10)} (commit ${run.revision.commit}), ` +
    `load average ${load.start.toFixed(2)} at the start, ${load.end?.toFixed(2) ?? "?"} at the end.`;
  const markdown = updateRows(before, {
    previous,
    figures: run.figures,
    date,
    command: run.command,
    method: { prefix: run.method.prefix, line: run.method.line + note },
    runs: run.runs,
  });
  fs.writeFileSync(mdFile, markdown);
  const figures = previous.map((f) => run.figures.find((g) => g.id === f.id) ?? f);
  figures.push(...run.figures.filter((f) => !previous.some((p) => p.id === f.id)));
  const ids = run.figures.map((f) => f.id);
  const partial = { date, command: run.command, machine: run.machine, revision: run.revision, ids };
  const next = { ...json, ...run.data, figures, [run.noteKey]: partial };
  fs.writeFileSync(jsonFile, `${JSON.stringify(next, null, 2)}\n`);
}
