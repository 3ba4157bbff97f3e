import "server-only";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/project-root";

let cached: string | null = null;

/** lib/collector/python under the project root: the same place for the bundled server, the CLI and tests. */
function programDir(): string {
  const dir = path.join(projectRoot(), "lib", "collector", "python");
  if (!fs.existsSync(path.join(/*turbopackIgnore: true*/ dir, "90_main.py")))
    throw new Error(`collector program not found in ${dir}`);
  return dir;
}

/**
 * The collector program sent on stdin: lib/collector/python/*.py joined in name order (they share
 * one namespace), preceded by SOURCE_MAP so an internal error can name the file and line it came from.
 */
export function collectorProgram(): string {
  if (cached !== null) return cached;
  const dir = programDir();
  const files = fs
    .readdirSync(dir)
    .filter((name) => /^\d\d_[a-z_]+\.py$/.test(name))
    .sort();
  const texts = files.map((name) => fs.readFileSync(path.join(dir, name), "utf8").replace(/\n*$/, "\n"));
  let line = 2; // line 1 is SOURCE_MAP itself
  const map = files.map((name, i) => {
    const entry = [name, line] as const;
    line += (texts[i]!.match(/\n/g) ?? []).length;
    return entry;
  });
  cached = `SOURCE_MAP = ${JSON.stringify(map)}\n${texts.join("")}`;
  return cached;
}
