export type PythonFlags = {
  dontWriteBytecode: boolean; // -B
  optimize: number; // count of -O
  ignoreEnvironment: boolean; // -E or -I
  /** -X pycache_prefix: a path, null when given empty (disables the variable too), undefined when absent. */
  pycachePrefix: string | null | undefined;
  checkHashPycs: string | undefined;
};

export type PythonArgv = { interpreter: string; flags: PythonFlags; flagWords: string[]; rest: string[] };

const PYTHON_NAME = /^python[0-9.]*$/;
const WITH_VALUE = new Set(["W", "X"]);
const ENDS_OPTIONS = new Set(["c", "m"]);

function applyX(flags: PythonFlags, value: string): void {
  if (value === "pycache_prefix") flags.pycachePrefix = null;
  else if (value.startsWith("pycache_prefix=")) flags.pycachePrefix = value.slice("pycache_prefix=".length) || null;
}

/**
 * The interpreter options in a command line whose argv[0] is a python binary (null otherwise: a
 * console script's flags live in its shebang, which the command line does not show). Parsing stops at
 * the script, `-m`, `-c` or `-`, like CPython's getopt.
 */
export function parsePythonArgv(argv: readonly string[]): PythonArgv | null {
  const interpreter = argv[0];
  if (interpreter === undefined || !PYTHON_NAME.test(interpreter.slice(interpreter.lastIndexOf("/") + 1))) return null;
  const flags: PythonFlags = {
    dontWriteBytecode: false,
    optimize: 0,
    ignoreEnvironment: false,
    pycachePrefix: undefined,
    checkHashPycs: undefined,
  };
  let i = 1;
  for (; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--check-hash-based-pycs") flags.checkHashPycs = argv[++i];
    else if (arg.startsWith("--check-hash-based-pycs=")) flags.checkHashPycs = arg.slice(24);
    else if (arg === "-" || arg === "--" || !arg.startsWith("-")) break;
    else if (arg.startsWith("--"))
      continue; // --version and friends change nothing here
    else {
      const next = shortOptions(arg, argv[i + 1], flags);
      if (next === "end") break;
      if (next === "value") i++;
    }
  }
  return { interpreter, flags, flagWords: argv.slice(1, i), rest: argv.slice(i) };
}

/** Applies "-OBX…" letters; "value": the option's value is the next word; "end": -c/-m ends the options. */
function shortOptions(arg: string, next: string | undefined, flags: PythonFlags): "value" | "end" | "more" {
  for (let j = 1; j < arg.length; j++) {
    const letter = arg[j]!;
    if (letter === "B") flags.dontWriteBytecode = true;
    else if (letter === "O") flags.optimize++;
    else if (letter === "E" || letter === "I") flags.ignoreEnvironment = true;
    else if (ENDS_OPTIONS.has(letter)) return "end";
    else if (WITH_VALUE.has(letter)) {
      const inline = arg.slice(j + 1);
      if (letter === "X") applyX(flags, inline || (next ?? ""));
      return inline === "" ? "value" : "more";
    }
  }
  return "more";
}
