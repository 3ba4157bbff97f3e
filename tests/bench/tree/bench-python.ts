import { execFileSync } from "node:child_process";
import fs from "node:fs";

export type BenchPython = { path: string; version: string; cacheTag: string; magic: string };

/**
 * The interpreter that compiles the tree and that the bench host names as the service's python.
 * Debian's /usr/bin/python3 when present (it exists on a fresh CI machine, pyenv's do not).
 */
export function benchPython(): BenchPython {
  const candidate = fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  const probe =
    "import sys, json, importlib.util; print(json.dumps({'path': sys.executable, 'version': '.'.join(map(str, sys.version_info[:3])), " +
    "'cacheTag': sys.implementation.cache_tag, 'magic': importlib.util.MAGIC_NUMBER.hex()}))";
  return JSON.parse(execFileSync(candidate, ["-I", "-c", probe], { encoding: "utf8" })) as BenchPython;
}

/** The environment for writing bytecode: this machine sets PYTHONDONTWRITEBYTECODE, and
 *  SOURCE_DATE_EPOCH would make compileall write checked-hash pycs instead of timestamp ones. */
export function compileEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.PYTHONDONTWRITEBYTECODE;
  delete env.PYTHONPYCACHEPREFIX;
  delete env.SOURCE_DATE_EPOCH;
  delete env.PYTHONOPTIMIZE;
  return env;
}
