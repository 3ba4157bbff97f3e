import { displayPath } from "@/lib/snapshot/display-path";

type Ranked = { path: string; depth: number };

const before = (a: Ranked, b: Ranked) => a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function depthOf(path: string): number {
  let depth = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) depth++;
  return depth;
}

const isWithin = (path: string, dir: string) =>
  path.startsWith(dir) && (path.length === dir.length || path.charCodeAt(dir.length) === 47);

/** Longest common directory of two absolute paths ("/opt/app/x", "/opt/apple/y" → "/opt"). */
export function commonDirectory(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length && (i === b.length || b[i] === "/")) return a;
  if (i === b.length && a[i] === "/") return b;
  const cut = a.lastIndexOf("/", i - 1);
  return cut <= 0 ? "/" : a.slice(0, cut);
}

/**
 * A bounded list for evidence, in one pass (stale-bytecode may hand over 100k paths): the shallowest
 * paths first (they name the tree), then "and N more", plus the common ancestor when there are
 * several, e.g. "/opt/app/__pycache__, … and 40 more (all under /opt/app)".
 */
export function summarizePaths(paths: readonly string[], limit = 4): string {
  const unique = new Set(paths);
  const top: Ranked[] = [];
  let common: string | null = null;
  for (const path of unique) {
    if (common === null) common = path;
    else if (common !== "/" && !isWithin(path, common)) common = commonDirectory(common, path);
    const ranked = { path, depth: depthOf(path) };
    if (top.length === limit && before(ranked, top[limit - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && before(ranked, top[at - 1]!) < 0) at--;
    top.splice(at, 0, ranked);
    if (top.length > limit) top.pop();
  }
  const more = unique.size - top.length;
  const tail = more > 0 ? ` and ${more} more` : "";
  const under = unique.size > 1 && common && common !== "/" ? ` (all under ${displayPath(common)})` : "";
  return `${top.map((r) => displayPath(r.path)).join(", ")}${tail}${under}`;
}
