import type { Facts } from "./facts";
import { pythonEnvironment } from "./effective-flags";
import { envFlag } from "./env-flag";
import { parsePythonArgv } from "./python-argv";

export type DisabledBy = { flagB: boolean; variable: string | null; explanation: string | null };

/** What turns bytecode writing off: -B on the command line and/or PYTHONDONTWRITEBYTECODE (python-bytecode.md §3). */
export function disabledBy(f: Facts): DisabledBy {
  const process = f.service.process;
  const argv = process?.readable && process.argv.length ? process.argv : f.service.execStart;
  const parsed = parsePythonArgv(argv);
  const value = pythonEnvironment(f.inventory).PYTHONDONTWRITEBYTECODE;
  const ignored = parsed?.flags.ignoreEnvironment === true || f.interpreter?.ignoresEnvironment === true;
  return {
    flagB: parsed?.flags.dontWriteBytecode === true,
    variable: !ignored && envFlag(value) > 0 ? (value ?? null) : null,
    explanation: f.interpreter?.explain.dontWriteBytecode ?? null,
  };
}
