import "server-only";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { projectRoot } from "@/lib/db/paths";

let cached: string | null = null;

/** lib/collector/python beside this module when it is run from source, else under the project root (bundled server). */
function programDir(): string {
  const candidates = [path.join(projectRoot(), "lib", "collector", "python")];
  try {
    candidates.unshift(fileURLToPath(new URL("./python/", import.meta.url)));
  } catch {
    // import.meta.url is not a file: URL inside a bundle.
  }
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, "90_main.py")));
  if (!found) throw new Error(`collector program not found in ${candidates.join(" or ")}`);
  return found;
}

/**
 * The collector program sent on stdin: lib/collector/python/*.py joined in name order (they share
 * one namespace), preceded by SOURCE_MAP so an internal error can name the file and line it came from.
 */
export function collectorProgram(): string {
  if (cached !== null) return cached;
  const dir = programDir();
  const files = fs.readdirSync(dir).filter((name) => /^\d\d_[a-z_]+\.py$/.test(name)).sort();
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
