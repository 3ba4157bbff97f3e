import { PYTHON_VERSION_CHECK } from "./python-version-check";
import type { CollectorSpec } from "./spec";

/** An absolute path made only of characters that need no quoting in a POSIX shell. */
export const SAFE_INTERPRETER = /^\/[A-Za-z0-9._+/-]+$/;

/** POSIX sh: ${X+"X=$X"} is one word when X is set, nothing when it is not. */
const MINIMAL_ENV = [
  "env -i LC_ALL=C",
  ...["PATH", "LANG", "HOME", "USER"].map((key) => `\${${key}+"${key}=\$${key}"}`),
].join(" ");

/**
 * The one command line sent to the target: fixed text plus base64 (A–Z a–z 0–9 + / =), so nothing a
 * user typed is ever parsed by the remote shell. The collector runs under python3 from PATH, else
 * /usr/bin/python3, else python (or the given interpreter), with -I -S -B: no PYTHON* variable, no `site` (a .pth
 * file or sitecustomize in that interpreter's environment is code the target's owner controls), no
 * bytecode written. `env -i` hands it only PATH, LANG, HOME and USER of the shell (each only when set):
 * nothing of the caller's own environment (a dashboard's DEPLOYLENS_SECRET_KEY, DATABASE_URL,
 * SSH_AUTH_SOCK) reaches the collector or what it starts. LC_ALL=C makes Python 3.7+ use UTF-8 for
 * file names (PEP 538/540) and keeps tools like systemctl in English.
 *
 * This is the checked form, sent when directCollectorCommand's run suggests an interpreter too old for the
 * collector (and by the probe). Each candidate is first asked its version with options every CPython accepts
 * (python-version-check.ts): one that is too old is skipped, and when no candidate is new enough the target
 * answers `collector-python-too-old` naming it, rather than Python 2's "Unknown option: -I" or an old
 * Python 3's SyntaxError. `python` comes last so a host whose only interpreter is a Python 2 `python` is told
 * exactly that.
 */
export function collectorCommand(spec: CollectorSpec, python?: string): string {
  const { b64, candidates, missing } = commandParts(spec, python);
  const check = `${MINIMAL_ENV} "$p" -E -s -S -B -c '${PYTHON_VERSION_CHECK}'`;
  return [
    "old=",
    `for p in ${candidates.join(" ")}; do if [ -x "$(command -v "$p")" ]; then old=$(${check}); if [ -z "$old" ]; then exec ${MINIMAL_ENV} "$p" -I -S -B - ${b64}; fi; fi; done`,
    `if [ -n "$old" ]; then printf '%s\\n' "$old"; exit 1; fi`,
    `echo '${missing}'`,
    "exit 127",
  ].join("; ");
}

/**
 * collectorCommand without the version check: the first candidate that exists runs the collector at once,
 * which saves an interpreter start (a pyenv shim costs hundreds of milliseconds) on every collection. An
 * interpreter too old for it fails in a way run-collector recognises (mayBeTooOld), and only then is
 * collectorCommand sent, to name the interpreter or fall through to a newer candidate as before.
 */
export function directCollectorCommand(spec: CollectorSpec, python?: string): string {
  const { b64, candidates, missing } = commandParts(spec, python);
  return [
    `for p in ${candidates.join(" ")}; do if [ -x "$(command -v "$p")" ]; then exec ${MINIMAL_ENV} "$p" -I -S -B - ${b64}; fi; done`,
    `echo '${missing}'`,
    "exit 127",
  ].join("; ");
}

/**
 * The observer's command line (lib/collector/observe-program.ts): the same interpreter search and minimal
 * environment as a direct collection, with the observer program on stdin and its spec inside that program.
 */
export function observerCommand(): string {
  const { candidates, missing } = commandParts({});
  return [
    `for p in ${candidates.join(" ")}; do if [ -x "$(command -v "$p")" ]; then exec ${MINIMAL_ENV} "$p" -I -S -B -; fi; done`,
    `echo '${missing}'`,
    "exit 127",
  ].join("; ");
}

function commandParts(spec: CollectorSpec | Record<string, never>, python?: string) {
  if (python !== undefined && !SAFE_INTERPRETER.test(python))
    throw new Error(`unsafe interpreter path ${JSON.stringify(python)}`);
  const b64 = Buffer.from(JSON.stringify(spec), "utf8").toString("base64");
  const candidates = python ? [python] : ["python3", "/usr/bin/python3", "python"];
  const missing = JSON.stringify({
    type: "error",
    code: "no-python",
    message: `no Python on the target (tried ${candidates.join(", ")})`,
  });
  return { b64, candidates, missing };
}

/**
 * Might a direct run have failed only because the interpreter is too old for the collector? Python 2 and
 * 3.0–3.3 refuse -I, 3.4–3.6 stop at the program's syntax or at its own version check: each before any
 * output but that check's error. A run that failed that early is repeated with the version check.
 */
export function mayBeTooOld(run: { lines: number; errorCode: string | null; exitCode: number | null }): boolean {
  if (run.lines === 1) return run.errorCode === "collector-python-too-old";
  return run.lines === 0 && run.exitCode !== null && run.exitCode !== 0;
}
