import { dirOf } from "../../coverage";

/**
 * The source a cache file belongs to, root-relative: "pkg/__pycache__/a.cpython-310.opt-1.pyc" →
 * "pkg/a.py"; a prefix-mirror or legacy "pkg/a.pyc" → "pkg/a.py" (module names hold no dots).
 */
export function sourceOfPyc(relPath: string): string {
  let dir = dirOf(relPath);
  const name = relPath.slice(dir.length === 0 ? 0 : dir.length + 1);
  if (dir === "__pycache__" || dir.endsWith("/__pycache__")) dir = dirOf(dir);
  const base = name.slice(0, name.indexOf(".") < 0 ? name.length : name.indexOf("."));
  return dir === "" ? `${base}.py` : `${dir}/${base}.py`;
}

/** The optimization level a pyc name encodes: ".opt-2.pyc" → 2, none → 0 (PEP 488). */
export function optLevelOfPyc(relPath: string): number {
  const match = /\.opt-(\d+)\.pyc$/.exec(relPath);
  return match ? Number(match[1]) : 0;
}
