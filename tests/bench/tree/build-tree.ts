import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { benchPython, compileEnv, type BenchPython } from "./bench-python";
import { moduleText } from "./module-text";
import { dirCount, planSources, type Fate, type PlannedSource, type Variant } from "./tree-layout";

/** Bump when the layout or the fates change: cached trees of another version are rebuilt. */
const BUILDER_VERSION = 1;
export const CACHE_DIR = path.resolve(import.meta.dirname, "../.cache");

export type Tree = {
  builderVersion: number;
  variant: Variant;
  /** The app root a bench host names. */
  root: string;
  python: BenchPython;
  /** Ground truth from the construction: what the collector should report. */
  counts: { sources: number; fresh: number; stale: number; missing: number; pycs: number; dirs: number };
  bytes: { sources: number; pycs: number };
  buildMs: number;
};

const treeDir = (sources: number, variant: Variant) => path.join(CACHE_DIR, `tree-${sources}-${variant}`);
const manifestPath = (sources: number, variant: Variant) => path.join(treeDir(sources, variant), "manifest.json");

/** The cached tree when it was finished by this builder for this interpreter; else null. */
function cachedTree(sources: number, variant: Variant, python: BenchPython): Tree | null {
  const file = manifestPath(sources, variant);
  if (!fs.existsSync(file)) return null;
  const tree = JSON.parse(fs.readFileSync(file, "utf8")) as Tree;
  const same =
    tree.builderVersion === BUILDER_VERSION && tree.python.path === python.path && tree.python.magic === python.magic;
  return same && fs.existsSync(tree.root) ? tree : null;
}

/** The tree a run built before, or null: for parts that measure on the shared trees and never build one. */
export function builtTree(sources: number, variant: Variant): Tree | null {
  return cachedTree(sources, variant, benchPython());
}

/**
 * Builds once (and afterwards reuses) a deployment of `sources` .py files with real bytecode from the
 * real interpreter: about 80 % fresh, 10 % stale, 10 % missing, in nested packages. The manifest is
 * written last, so an interrupted build is never reused.
 */
export function buildTree(sources: number, variant: Variant, log: (line: string) => void): Tree {
  const python = benchPython();
  const cached = cachedTree(sources, variant, python);
  if (cached) return cached;
  const started = performance.now();
  const dir = treeDir(sources, variant);
  const root = path.join(dir, variant === "a" ? "srv/app" : "opt/app");
  fs.rmSync(dir, { recursive: true, force: true });
  log(`building the ${sources.toLocaleString("en")}-source tree ${variant} in ${dir} …`);
  writeSources(root, sources, variant);
  log(`  compiling with ${python.path} -m compileall -q -j 0 …`);
  execFileSync(python.path, ["-m", "compileall", "-q", "-j", "0", root], {
    env: compileEnv(),
    stdio: ["ignore", "ignore", "inherit"],
  });
  const { counts, bytes } = applyFates(root, sources, variant, python.cacheTag);
  const tree: Tree = {
    builderVersion: BUILDER_VERSION,
    variant,
    root,
    python,
    counts,
    bytes,
    buildMs: Math.round(performance.now() - started),
  };
  fs.writeFileSync(manifestPath(sources, variant), `${JSON.stringify(tree, null, 2)}\n`);
  log(`  built in ${(tree.buildMs / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
  return tree;
}

function writeSources(root: string, sources: number, variant: Variant): void {
  let lastDir = "";
  for (const source of planSources(sources, variant)) {
    if (source.dir !== lastDir) fs.mkdirSync(path.join(root, source.dir), { recursive: true });
    lastDir = source.dir;
    fs.writeFileSync(path.join(root, source.dir, source.name), moduleText(source.index));
  }
}

const pycPath = (root: string, source: PlannedSource, cacheTag: string) =>
  path.join(root, source.dir, "__pycache__", `${source.name.slice(0, -3)}.${cacheTag}.pyc`);

/** Makes the planned pycs stale or missing, checking that compileall wrote every one first. */
function applyFates(root: string, sources: number, variant: Variant, cacheTag: string): Pick<Tree, "counts" | "bytes"> {
  const counts = { sources, fresh: 0, stale: 0, missing: 0, pycs: 0, dirs: dirCount(sources) };
  const bytes = { sources: 0, pycs: 0 };
  for (const source of planSources(sources, variant)) {
    const file = path.join(root, source.dir, source.name);
    const pyc = pycPath(root, source, cacheTag);
    if (!fs.existsSync(pyc)) throw new Error(`compileall wrote no ${pyc}`);
    applyFate(file, pyc, source.fate);
    counts[source.fate === "fresh" ? "fresh" : source.fate === "missing" ? "missing" : "stale"] += 1;
    bytes.sources += fs.statSync(file).size;
    if (source.fate !== "missing") {
      counts.pycs += 1;
      bytes.pycs += fs.statSync(pyc).size;
    }
  }
  return { counts, bytes };
}

function applyFate(file: string, pyc: string, fate: Fate): void {
  if (fate === "missing") fs.rmSync(pyc);
  if (fate === "stale-mtime") {
    // An hour later: the pyc's recorded mtime (whole seconds) no longer matches.
    const { atime, mtime } = fs.statSync(file);
    fs.utimesSync(file, atime, new Date(mtime.getTime() + 3_600_000));
  }
  if (fate === "stale-size") {
    // Same mtime as recorded in the pyc, other size: only the size check can reject it.
    const { atime, mtime } = fs.statSync(file);
    fs.appendFileSync(file, "# edited after it was compiled\n");
    fs.utimesSync(file, atime, mtime);
  }
}
