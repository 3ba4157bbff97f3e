/** The oldest Python the collector program runs on (lib/collector/python/*.py; checked by collector-python37.test). */
export const MIN_COLLECTOR_PYTHON = [3, 7] as const;

const minimum = MIN_COLLECTOR_PYTHON.join(".");

/**
 * Run as `python -E -s -S -B -c CHECK` before the collector: options and syntax every CPython since 2.6
 * accepts, so an old interpreter answers instead of dying on `-I` (unknown before 3.4) or on the program's
 * syntax. Prints nothing when the interpreter is new enough; otherwise one `collector-python-too-old` error
 * event (90_main.py's code) naming the interpreter, its version and the minimum. No json module: Python 2's
 * minimal install has none, so the two strings are escaped by hand (non-printable and non-ASCII as \u00XX).
 */
export const PYTHON_VERSION_CHECK = [
  "import sys",
  "v = sys.version_info",
  `if tuple(v[:2]) < (${MIN_COLLECTOR_PYTHON.join(", ")}):`,
  '    q = lambda s: "".join(c if " " <= c <= "~" and c not in "\\"\\\\" else "\\\\u%04x" % ord(c) for c in s)',
  '    found = (q(sys.executable or "python"), q("%d.%d.%d" % tuple(v[:3])))',
  '    sys.stdout.write("{\\"type\\": \\"error\\", \\"code\\": \\"collector-python-too-old\\", \\"message\\": " +',
  `        "\\"%s is Python %s; the DeployLens collector needs Python ${minimum} or newer on the target\\"}\\n" % found)`,
].join("\n");

if (PYTHON_VERSION_CHECK.includes("'")) throw new Error("the version check must not contain a single quote");
