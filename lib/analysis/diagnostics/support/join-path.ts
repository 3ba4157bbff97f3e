/** Absolute path of a root-relative path ("" is the root itself). */
export function joinPath(root: string, rel: string): string {
  if (rel === "") return root;
  return root.endsWith("/") ? `${root}${rel}` : `${root}/${rel}`;
}

/** True when `path` is `dir` or lies below it. */
export function isUnder(path: string, dir: string): boolean {
  if (path === dir) return true;
  return path.startsWith(dir.endsWith("/") ? dir : `${dir}/`);
}
