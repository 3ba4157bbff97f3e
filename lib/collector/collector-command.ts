import type { CollectorSpec } from "./spec";

/** An absolute path made only of characters that need no quoting in a POSIX shell. */
export const SAFE_INTERPRETER = /^\/[A-Za-z0-9._+/-]+$/;

/**
 * The one command line sent to the target: fixed text plus base64 (A–Z a–z 0–9 + / =), so nothing a
 * user typed is ever parsed by the remote shell. The collector runs under python3 from PATH, else
 * /usr/bin/python3 (or the given interpreter). LC_ALL=C makes Python 3.7+ use UTF-8 for file names
 * (PEP 538/540) and keeps tools like systemctl in English.
 */
export function collectorCommand(spec: CollectorSpec, python?: string): string {
  if (python !== undefined && !SAFE_INTERPRETER.test(python)) throw new Error(`unsafe interpreter path ${JSON.stringify(python)}`);
  const b64 = Buffer.from(JSON.stringify(spec), "utf8").toString("base64");
  const candidates = python ? [python] : ["python3", "/usr/bin/python3"];
  const missing = JSON.stringify({ type: "error", code: "no-python", message: `no Python on the target (tried ${candidates.join(", ")})` });
  return [
    "LC_ALL=C; export LC_ALL",
    `for p in ${candidates.join(" ")}; do if command -v "$p" >/dev/null 2>&1; then exec "$p" -I -B - ${b64}; fi; done`,
    `echo '${missing}'`,
    "exit 127",
  ].join("; ");
}
