import { spawnSync } from "node:child_process";
import path from "node:path";

/**
 * PATH with the real interpreter behind a pyenv `python3` shim put first. A shim is a bash script that
 * runs `pyenv exec`, which prepends this same directory and starts this same binary: about a second of
 * bash per Python start on a busy 2-core machine, and the collector (python3 from PATH), the CLI's local
 * collections and the tests start Python thousands of times. Without a shim PATH is returned unchanged.
 */
export function pathWithRealPython(current = process.env.PATH ?? "") {
  const found = spawnSync("sh", ["-c", "command -v python3"], { encoding: "utf8" }).stdout?.trim() ?? "";
  if (!found.includes("/shims/")) return current;
  const real = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
  const executable = real.status === 0 ? real.stdout.trim() : "";
  if (!path.isAbsolute(executable)) return current;
  const dir = path.dirname(executable);
  return [dir, ...current.split(path.delimiter).filter((entry) => entry !== dir)].join(path.delimiter);
}
