import type { Comparison, Package } from "./types";

/** PEP 503 normalisation: "Flask_SQLAlchemy" and "flask-sqlalchemy" are the same distribution. */
const normalize = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");
const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Packages added on the right, removed from it, or at another version. */
export function packageDiff(left: readonly Package[], right: readonly Package[]): Comparison["packages"] {
  const rightByName = new Map(right.map((p) => [normalize(p.name), p]));
  const removed: Package[] = [];
  const changed: Comparison["packages"]["changed"] = [];
  for (const l of left) {
    const key = normalize(l.name);
    const r = rightByName.get(key);
    rightByName.delete(key);
    if (!r) removed.push(l);
    else if (r.version !== l.version) changed.push({ name: l.name, left: l.version, right: r.version });
  }
  const added = [...rightByName.values()].sort(byName);
  removed.sort(byName);
  changed.sort(byName);
  return { added, removed, changed, differences: added.length + removed.length + changed.length };
}
