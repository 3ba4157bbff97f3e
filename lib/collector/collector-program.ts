import "server-only";
import { collectorParts, joinPythonProgram } from "./python-program";

let cached: string | null = null;

/** The collector program sent on stdin: lib/collector/python/*.py joined in name order (one namespace). */
export function collectorProgram(): string {
  cached ??= joinPythonProgram(collectorParts());
  return cached;
}
