import "server-only";
import path from "node:path";
import { projectRoot } from "@/lib/project-root";
import { collectorParts, joinPythonProgram } from "./python-program";

let cached: string | null = null;

/**
 * The "Test connection" probe: the collector's helpers (lib/collector/python/ without 90_main.py, which would
 * start a collection) followed by lib/collector/probe/probe_main.py, so the unit is found the same way.
 */
export function probeProgram(): string {
  const main = path.join(projectRoot(), "lib", "collector", "probe", "probe_main.py");
  cached ??= joinPythonProgram([...collectorParts(["90_main.py"]), main]);
  return cached;
}
