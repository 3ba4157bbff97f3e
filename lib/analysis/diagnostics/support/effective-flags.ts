import type { Inventory } from "@/lib/snapshot/schema";
import { envFlag } from "./env-flag";
import { parsePythonArgv } from "./python-argv";

/** Where the process environment is known it wins over the unit's (it is what the interpreter saw). */
export function pythonEnvironment(inventory: Inventory): Record<string, string> {
  const process = inventory.service.process;
  return process?.readable && process.environment ? process.environment : inventory.service.environment;
}

/**
 * Does the service run with bytecode writing off? The probed interpreter knows best; without a probe
 * (no interpreter found) fall back to the command line and environment, as CPython reads them (python-bytecode.md §3).
 */
export function writesNoBytecode(inventory: Inventory): boolean {
  if (inventory.interpreter) return inventory.interpreter.dontWriteBytecode;
  const argv = inventory.service.process?.readable ? inventory.service.process.argv : inventory.service.execStart;
  const parsed = parsePythonArgv(argv);
  if (parsed?.flags.dontWriteBytecode) return true;
  if (parsed?.flags.ignoreEnvironment) return false;
  return envFlag(pythonEnvironment(inventory).PYTHONDONTWRITEBYTECODE) > 0;
}
