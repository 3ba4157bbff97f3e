import path from "node:path";

/** The interpreter's own account of one source module in a `-v` log (PYC.md §11). */
export type VerboseModule = { name: string | null; loaded: "cache" | "compiled"; blocked: boolean };

/** How the `-v` log's imports split: only `source` modules have a file a watch can see open. */
export type VerboseKinds = { source: number; builtin: number; frozen: number; extension: number; other: number };

const MATCHES = /^# (\S+\.pyc) matches (\S+\.py)$/;
const CODE_FROM_SOURCE = /^# code object from '?(\S+\.py)'?$/;
const CREATED = /^# created '(\S+\.pyc)'$/;
const IMPORTED = /^import '([^']+)' # (.*)$/;

/**
 * Can a module of this name come from this source? Its last part is the file's stem (or the package's directory
 * for `__init__.py`); the rest may differ (pkg_resources' vendored packages run as `pkg_resources.extern.*`).
 */
function nameFits(name: string, source: string): boolean {
  const parts = source.slice(0, -3).split("/");
  if (parts.at(-1) === "__init__") parts.pop();
  return parts.at(-1) === name.split(".").at(-1);
}

/**
 * Per source path, the verdict of the start that wrote `log` with PYTHONVERBOSE=1:
 * - "PYC matches SOURCE": loaded from cache;
 * - "code object from SOURCE": compiled; cached when a "created 'PYC'" line follows for that source's pyc (beside
 *   it or under the prefix), blocked otherwise ("could not create …", or nothing). The importer writes it right
 *   after compiling, but the processes of one start (gunicorn's master and workers) share the log, so another
 *   process's line may come between: the pyc is matched to its source by path, not by being the next line.
 * A module's name comes from its "import 'NAME' # <…SourceFileLoader…>" line, printed once the module has run
 * (after the imports it made): the open modules form a stack, and one that failed leaves it unnamed.
 */
export function verboseVerdicts(log: string): Map<string, VerboseModule> {
  const modules = new Map<string, VerboseModule>();
  const running: string[] = [];
  const compiled: string[] = []; // sources compiled whose pyc has not been seen written, latest last
  for (const line of log.split("\n")) {
    const cached = MATCHES.exec(line);
    const fromSource = CODE_FROM_SOURCE.exec(line);
    const created = CREATED.exec(line);
    const imported = IMPORTED.exec(line);
    if (cached) {
      modules.set(cached[2]!, { name: null, loaded: "cache", blocked: false });
      running.push(cached[2]!);
    } else if (fromSource) {
      modules.set(fromSource[1]!, { name: null, loaded: "compiled", blocked: true });
      running.push(fromSource[1]!);
      compiled.push(fromSource[1]!);
    } else if (created) {
      const index = compiled.findLastIndex((source) => pycIsFor(created[1]!, source));
      if (index >= 0) modules.get(compiled.splice(index, 1)[0]!)!.blocked = false;
    } else if (imported && imported[2]!.includes("SourceFileLoader")) {
      const name = imported[1]!;
      // Modules whose run raised (caught by an importer's try/except) never print their line: they are
      // left above the one this line names, and dropped with it.
      const index = running.findLastIndex((source) => nameFits(name, source));
      if (index >= 0) modules.get(running[index]!)!.name = name;
      if (index >= 0) running.length = index;
    }
  }
  return modules;
}

/**
 * Is `pyc` the cache file of `source`? `DIR/__pycache__/STEM.TAG.pyc` beside it, or `PREFIX/DIR/STEM.TAG.pyc`
 * under a pycache prefix (which mirrors the source's absolute directory).
 */
function pycIsFor(pyc: string, source: string): boolean {
  const dir = path.dirname(pyc).replace(/\/__pycache__$/, "");
  const stem = path.basename(pyc).split(".")[0]!;
  return `${dir}/${stem}`.endsWith(source.slice(0, -".py".length));
}

/** How many imports of each kind the log shows (built-in and frozen modules have no file to watch). */
export function verboseKinds(log: string): VerboseKinds {
  const kinds: VerboseKinds = { source: 0, builtin: 0, frozen: 0, extension: 0, other: 0 };
  for (const match of log.matchAll(/^import '[^']+' # (.*)$/gm)) {
    const loader = match[1]!;
    if (loader.includes("SourceFileLoader")) kinds.source++;
    else if (loader.includes("BuiltinImporter")) kinds.builtin++;
    else if (loader.includes("FrozenImporter")) kinds.frozen++;
    else if (loader.includes("ExtensionFileLoader")) kinds.extension++;
    else kinds.other++;
  }
  return kinds;
}
