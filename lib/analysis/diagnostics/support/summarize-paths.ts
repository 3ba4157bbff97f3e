import { displayPath } from "@/lib/snapshot/display-path";

/**
 * A bounded list for evidence: the shallowest paths first (they name the tree), then "and N more",
 * plus the common ancestor when there are several, e.g. "/opt/app/__pycache__, … and 40 more (all under /opt/app)".
 */
export function summarizePaths(paths: readonly string[], limit = 4): string {
  const unique = [...new Set(paths)];
  const depth = (p: string) => p.split("/").length;
  const shown = [...unique].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : a > b ? 1 : 0)).slice(0, limit);
  const more = unique.length - shown.length;
  const common = unique.length > 1 ? commonAncestor(unique) : null;
  const tail = more > 0 ? ` and ${more} more` : "";
  const under = common && common !== "/" ? ` (all under ${displayPath(common)})` : "";
  return `${shown.map(displayPath).join(", ")}${tail}${under}`;
}

/** Longest common directory prefix of absolute paths ("/" when they share nothing else). */
export function commonAncestor(paths: readonly string[]): string {
  const first = paths[0];
  if (first === undefined) return "/";
  let parts = first.split("/");
  for (const path of paths) {
    const other = path.split("/");
    let i = 0;
    while (i < parts.length && i < other.length && parts[i] === other[i]) i++;
    parts = parts.slice(0, i);
  }
  return parts.join("/") || "/";
}
