import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The real interpreter, asked directly: the ground truth collector tests compare against. Nothing
 * here re-implements a CPython rule.
 */

export type PythonRun = { code: number | null; stdout: string; stderr: string };

/** The environment without the container's PYTHONDONTWRITEBYTECODE and other PYTHON* settings, plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("PYTHON")));
  return { ...base, ...env } as NodeJS.ProcessEnv;
}

export function runPython(
  python: string,
  args: string[],
  options: { env?: Record<string, string>; input?: string; cwd?: string } = {},
): PythonRun {
  const result = spawnSync(python, args, {
    env: cleanEnv(options.env),
    input: options.input,
    cwd: options.cwd ?? "/",
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runPythonOrThrow(
  python: string,
  args: string[],
  options: Parameters<typeof runPython>[2] = {},
): string {
  const result = runPython(python, args, options);
  if (result.code !== 0) throw new Error(`${python} ${args.join(" ")} failed (${result.code}): ${result.stderr}`);
  return result.stdout;
}

/** The real interpreter behind `python3` (pyenv shims are scripts); Debian's /usr/bin/python3 otherwise. */
export function realPython(): string {
  if (real) return real;
  const found = spawnSync("python3", ["-c", "import sys; print(sys.executable)"], { encoding: "utf8" });
  const path = found.status === 0 ? found.stdout.trim() : "";
  real = path && fs.existsSync(path) ? path : "/usr/bin/python3";
  return real;
}
// Asked once per test process: every deployment fixture wants it, and each ask is a Python start.
let real: string | undefined;

export type PythonInfo = { path: string; version: string; cacheTag: string; magic: string; minor: number };

export function pythonInfo(python: string): PythonInfo {
  const code =
    "import importlib.util,sys,json;print(json.dumps([sys.version.split()[0],sys.implementation.cache_tag,importlib.util.MAGIC_NUMBER.hex(),sys.version_info[1]]))";
  const [version, cacheTag, magic, minor] = JSON.parse(runPythonOrThrow(python, ["-I", "-B", "-c", code])) as [
    string,
    string,
    string,
    number,
  ];
  return { path: python, version, cacheTag, magic, minor };
}

/** Other CPython 3.7+ interpreters on this machine (pyenv, Debian), one per minor version, sorted. */
export function otherPythons(than: string): PythonInfo[] {
  const own = pythonInfo(than).minor;
  const candidates = [
    ...(fs.existsSync("/root/.pyenv/versions")
      ? fs.readdirSync("/root/.pyenv/versions").map((v) => `/root/.pyenv/versions/${v}/bin/python3`)
      : []),
    ...["7", "8", "9", "10", "12", "13"].map((m) => `/usr/bin/python3.${m}`),
  ];
  const byMinor = new Map<number, PythonInfo>();
  for (const path of candidates.filter((p) => fs.existsSync(p))) {
    const result = runPython(path, ["-I", "-B", "-c", "import sys; print(sys.version_info[0], sys.version_info[1])"]);
    const [major, minor] = result.stdout.trim().split(" ").map(Number);
    if (result.code === 0 && major === 3 && minor! >= 7 && minor !== own && !byMinor.has(minor!))
      byMinor.set(minor!, pythonInfo(path));
  }
  return [...byMinor.values()].sort((a, b) => a.minor - b.minor);
}

/**
 * Ground-truth helpers run with -B: with a pycache prefix in effect, even the interpreter's own
 * startup imports would otherwise be written into the prefix tree under test.
 */
const NO_WRITE = ["-B"];

/** importlib.util.cache_from_source as the interpreter computes it under the given options. */
export function cacheFromSource(python: string, source: string, options: string[] = []): string {
  const code = "import importlib.util,sys;print(importlib.util.cache_from_source(sys.argv[1]))";
  return runPythonOrThrow(python, [...NO_WRITE, ...options, "-c", code, source]).trim();
}

/** The options without any -X pycache_prefix (joined or as two words). */
function withoutPrefixOption(options: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < options.length; i++) {
    if (options[i] === "-X" && options[i + 1]?.startsWith("pycache_prefix")) i++;
    else if (!options[i]!.startsWith("-Xpycache_prefix")) out.push(options[i]!);
  }
  return out;
}

export type EffectiveFlags = {
  optimize: number;
  dontWriteBytecode: boolean;
  pycachePrefix: string | null;
  checkHashPycs: string;
};

/**
 * What sys.flags / sys.pycache_prefix / _imp say when the interpreter starts with these options and
 * environment. Two runs, so that asking writes nothing where it matters: everything but
 * dont_write_bytecode under -B; dont_write_bytecode with any prefix redirected to a throwaway one.
 */
export function effectiveFlags(
  python: string,
  options: string[],
  env: Record<string, string>,
  cwd = "/",
): EffectiveFlags {
  const code =
    "import _imp,json,os,sys;p=getattr(sys,'pycache_prefix',None);" +
    "print(json.dumps({'optimize':sys.flags.optimize,'dontWriteBytecode':bool(sys.dont_write_bytecode)," +
    "'pycachePrefix':os.path.abspath(p) if p else None,'checkHashPycs':_imp.check_hash_based_pycs}))";
  const flags = JSON.parse(
    runPythonOrThrow(python, [...NO_WRITE, ...options, "-c", code], { env, cwd }),
  ) as EffectiveFlags;
  const throwaway = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-throwaway-"));
  try {
    const { PYTHONPYCACHEPREFIX: _ignored, ...rest } = env;
    const redirected = [...withoutPrefixOption(options), "-X", `pycache_prefix=${throwaway}`];
    const second = JSON.parse(
      runPythonOrThrow(python, [...redirected, "-c", code], { env: rest, cwd }),
    ) as EffectiveFlags;
    return { ...flags, dontWriteBytecode: second.dontWriteBytecode };
  } finally {
    fs.rmSync(throwaway, { recursive: true, force: true });
  }
}

export type Verdict = "used-pyc" | "compiled" | "import-error";

/** A SourceFileLoader that records when it compiles from source instead of using the pyc; writes nothing. */
const RECORDING_LOADER = [
  "sys.dont_write_bytecode = True",
  "compiled = []",
  "class L(m.SourceFileLoader):",
  "    def source_to_code(self, data, path, *, _optimize=-1):",
  "        compiled.append(path)",
  "        return super().source_to_code(data, path, _optimize=_optimize)",
];

/**
 * For each source: does the real SourceLoader.get_code use the cached pyc or compile the source?
 * Runs under the given interpreter options (so -O, prefix and --check-hash-based-pycs apply) with
 * sys.dont_write_bytecode set, so asking writes nothing.
 */
export function pycVerdicts(python: string, sources: string[], options: string[] = []): Verdict[] {
  const code = [
    "import importlib.machinery as m, sys",
    ...RECORDING_LOADER,
    "for path in sys.stdin.read().split('\\0'):",
    "    compiled.clear()",
    "    try:",
    "        L('m', path).get_code('m')",
    "        print('compiled' if compiled else 'used-pyc')",
    "    except Exception:",
    "        print('import-error')",
  ].join("\n");
  const out = runPythonOrThrow(python, [...NO_WRITE, ...options, "-c", code], { input: sources.join("\0") });
  return out.trim().split("\n") as Verdict[];
}

/** importlib.util.source_hash of a file as the given interpreter computes it (hex). */
export function sourceHash(python: string, file: string): string {
  const code = "import importlib.util,sys;print(importlib.util.source_hash(open(sys.argv[1],'rb').read()).hex())";
  return runPythonOrThrow(python, ["-I", "-B", "-c", code, file]).trim();
}

/**
 * pycVerdicts for every *.py below root (walked by the interpreter itself, __pycache__ skipped, names
 * surrogate-escaped exactly as the collector reports them), keyed by path relative to root.
 */
export function pycVerdictsUnder(python: string, root: string, options: string[] = []): Record<string, Verdict> {
  const code = [
    "import importlib.machinery as m, json, os, sys",
    ...RECORDING_LOADER,
    "out = {}",
    "for d, dirs, files in os.walk(sys.argv[1]):",
    "    dirs[:] = [x for x in dirs if x != '__pycache__' and not os.path.islink(os.path.join(d, x))]",
    "    for f in files:",
    "        if not f.endswith('.py'): continue",
    "        p = os.path.join(d, f)",
    "        compiled.clear()",
    "        try:",
    "            L('m', p).get_code('m')",
    "            v = 'compiled' if compiled else 'used-pyc'",
    "        except Exception:",
    "            v = 'import-error'",
    "        out[os.path.relpath(p, sys.argv[1])] = v",
    "print(json.dumps(out))",
  ].join("\n");
  return JSON.parse(runPythonOrThrow(python, [...NO_WRITE, ...options, "-c", code, root])) as Record<string, Verdict>;
}

/** An argument that is itself the result of a collector call (e.g. a matcher function). */
export const collectorCall = (name: string, args: unknown[]) => ({ $call: [name, args] });

/**
 * Calls functions of the collector program (lib/collector/python) in one real interpreter, without
 * running its main: for table tests of its parsers. Tuples come back as arrays.
 */
export function callCollector(program: string, calls: [name: string, args: unknown[]][]): unknown[] {
  const driver = [
    "import json, sys",
    "data = json.loads(sys.stdin.read())",
    "ns = {'__name__': 'collector_under_test'}",
    "exec(compile(data['program'], 'collector', 'exec'), ns)",
    "def arg(a):",
    "    return ns[a['$call'][0]](*map(arg, a['$call'][1])) if isinstance(a, dict) and '$call' in a else a",
    "print(json.dumps([ns[name](*map(arg, args)) for name, args in data['calls']]))",
  ].join("\n");
  return JSON.parse(
    runPythonOrThrow(realPython(), ["-I", "-B", "-c", driver], { input: JSON.stringify({ program, calls }) }),
  ) as unknown[];
}
