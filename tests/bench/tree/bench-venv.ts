import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { compileEnv, type BenchPython } from "./bench-python";

/**
 * The bench service's interpreter: a venv of the interpreter that compiled the tree, without packages,
 * as a deployed Flask/Django service runs from. Its site-packages is empty, so a snapshot scans the
 * same tree the floor lists (the system python would add its dist-packages as a second root).
 */
export function benchVenv(python: BenchPython, cacheDir: string): string {
  const dir = path.join(cacheDir, `venv-${python.version}`);
  const executable = path.join(dir, "bin", "python3");
  if (!fs.existsSync(executable)) {
    fs.rmSync(dir, { recursive: true, force: true });
    execFileSync(python.path, ["-m", "venv", "--without-pip", dir], { env: compileEnv() });
  }
  return executable;
}
