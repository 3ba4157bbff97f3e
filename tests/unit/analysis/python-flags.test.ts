import { expect, test } from "vitest";
import { envFlag } from "@/lib/analysis/diagnostics/support/env-flag";
import { parsePythonArgv } from "@/lib/analysis/diagnostics/support/python-argv";
import { askPython, healthy, idsOf } from "./helpers";

// Ground truth: the local CPython itself (python-bytecode.md §3, §4: _Py_get_env_flag and getopt).
const FLAGS =
  "import sys, json; print(json.dumps([sys.dont_write_bytecode, sys.flags.optimize, bool(sys.flags.ignore_environment), sys.pycache_prefix]))";
type Flags = [boolean, number, boolean, string | null];

const VALUES = ["0", "1", "no", "false", " 0", "0 ", "+0", "00", "-1", "2", "99999999999", "0x1", ""];

test.each(VALUES)("PYTHONDONTWRITEBYTECODE=%j is read as CPython reads it", (value) => {
  const [dontWrite] = askPython<Flags>(["-c", FLAGS], { PYTHONDONTWRITEBYTECODE: value });
  expect(envFlag(value) > 0).toBe(dontWrite);
});

test.each(["0", "1", "no", "3"])("PYTHONOPTIMIZE=%j gives CPython's optimize level", (value) => {
  const [, optimize] = askPython<Flags>(["-c", FLAGS], { PYTHONOPTIMIZE: value });
  expect(envFlag(value)).toBe(optimize);
});

const ARGVS: string[][] = [
  ["-B"],
  ["-OO"],
  ["-OB"],
  ["-E"],
  ["-I"],
  ["-u", "-O"],
  ["-W", "ignore", "-O"],
  ["-Wignore", "-B"],
  ["-X", "pycache_prefix=/var/cache/x"],
  ["-Xpycache_prefix=/tmp/y"],
  ["-X", "pycache_prefix"],
  ["-X", "utf8", "-O"],
  ["--check-hash-based-pycs", "always", "-B"],
];

test.each(ARGVS.map((a) => [a.join(" "), a] as const))(
  "python3 %s: flags parsed as CPython applies them",
  (_name, flags) => {
    const [dontWrite, optimize, ignoreEnv, prefix] = askPython<Flags>([...flags, "-c", FLAGS]);
    const parsed = parsePythonArgv(["/usr/bin/python3", ...flags, "-c", FLAGS]);
    expect(parsed).not.toBeNull();
    expect(parsed!.flags.dontWriteBytecode).toBe(dontWrite);
    expect(parsed!.flags.optimize).toBe(optimize);
    expect(parsed!.flags.ignoreEnvironment).toBe(ignoreEnv);
    expect(parsed!.flags.pycachePrefix ?? null).toBe(prefix);
    expect(parsed!.rest[0]).toBe("-c");
  },
);

test("options after the script or -m belong to the program, not to python", () => {
  const parsed = parsePythonArgv(["/opt/venv/bin/python3.11", "-O", "-m", "gunicorn", "-B", "app:app"]);
  expect(parsed?.flags).toMatchObject({ optimize: 1, dontWriteBytecode: false });
  expect(parsed?.rest).toEqual(["-m", "gunicorn", "-B", "app:app"]);
  expect(parsePythonArgv(["/opt/venv/bin/gunicorn", "-B"])).toBeNull();
});

test.each(["0", "1", "no", ""])(
  "bytecode-writing-disabled agrees with CPython for PYTHONDONTWRITEBYTECODE=%j",
  (value) => {
    const [dontWrite] = askPython<Flags>(["-c", FLAGS], { PYTHONDONTWRITEBYTECODE: value });
    const probed = healthy()
      .env("PYTHONDONTWRITEBYTECODE", value)
      .interpreter({ dontWriteBytecode: dontWrite })
      .snapshot();
    // Without a probed interpreter the rule reads the unit's environment itself.
    const unprobed = healthy().env("PYTHONDONTWRITEBYTECODE", value).noInterpreter().snapshot();
    expect(idsOf(probed).includes("bytecode-writing-disabled")).toBe(dontWrite);
    expect(idsOf(unprobed).includes("bytecode-writing-disabled")).toBe(dontWrite);
  },
);

test("-E on the command line makes PYTHONDONTWRITEBYTECODE=1 ineffective", () => {
  const [dontWrite] = askPython<Flags>(["-E", "-c", FLAGS], { PYTHONDONTWRITEBYTECODE: "1" });
  const snapshot = healthy()
    .service({ execStart: ["/usr/bin/python3", "-E", "-m", "app"] })
    .env("PYTHONDONTWRITEBYTECODE", "1")
    .noInterpreter()
    .snapshot();
  expect(dontWrite).toBe(false);
  expect(idsOf(snapshot)).not.toContain("bytecode-writing-disabled");
});
