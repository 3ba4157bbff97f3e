import "server-only";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/project-root";

/** The numbered parts of a Python program in a folder of lib/collector: `NN_name.py`, in name order. */
const PART = /^\d\d_[a-z_]+\.py$/;

/** lib/collector/python, the collector's parts, under the project root: the same for the server, the CLI and tests. */
export function collectorPartsDir(): string {
  return path.join(projectRoot(), "lib", "collector", "python");
}

/**
 * One program text from Python files that share one namespace, in order, preceded by
 * `SOURCE_MAP = [[file, first line], …]` so an internal error can name the file and line it came from.
 */
export function joinPythonProgram(files: string[]): string {
  const texts = files.map((file) => fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").replace(/\n*$/, "\n"));
  let line = 2; // line 1 is SOURCE_MAP itself
  const map = files.map((file, i) => {
    const entry = [path.basename(file), line] as const;
    line += (texts[i]!.match(/\n/g) ?? []).length;
    return entry;
  });
  return `SOURCE_MAP = ${JSON.stringify(map)}\n${texts.join("")}`;
}

/** The collector's parts, optionally without some (the probe leaves out 90_main.py, which starts a collection). */
export function collectorParts(except: string[] = []): string[] {
  const dir = collectorPartsDir();
  if (!fs.existsSync(path.join(/*turbopackIgnore: true*/ dir, "90_main.py")))
    throw new Error(`collector program not found in ${dir}`);
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => PART.test(name) && !except.includes(name))
    .sort()
    .map((name) => path.join(dir, name));
}
