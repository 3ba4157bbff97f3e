import "server-only";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "@/lib/project-root";

let cached: string | null = null;

/**
 * The "Test connection" probe: the collector's helpers (lib/collector/python/ without 90_main.py, which would
 * start a collection) followed by lib/collector/probe/probe_main.py, so the unit is found the same way.
 */
export function probeProgram(): string {
  if (cached !== null) return cached;
  const root = projectRoot();
  const dir = path.join(root, "lib", "collector", "python");
  const helpers = fs
    .readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((name) => /^\d\d_[a-z_]+\.py$/.test(name) && name !== "90_main.py")
    .sort()
    .map((name) => fs.readFileSync(path.join(/*turbopackIgnore: true*/ dir, name), "utf8").replace(/\n*$/, "\n"));
  const main = fs.readFileSync(path.join(/*turbopackIgnore: true*/ root, "lib", "collector", "probe", "probe_main.py"));
  cached = `${helpers.join("")}${main.toString("utf8")}`;
  return cached;
}
