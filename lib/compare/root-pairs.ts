import type { Root } from "@/lib/snapshot/schema";
import type { RootPair } from "./types";

const KINDS: readonly Root["kind"][] = ["app", "site-packages"];
const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

type Indexed = { root: Root; index: number };

/** Pairs within one kind: same path first, then same directory name, then by order. */
function pairKind(left: Indexed[], right: Indexed[]): [Indexed | null, Indexed | null][] {
  const pairs: [Indexed | null, Indexed | null][] = [];
  const unmatched = [...right];
  const take = (match: (r: Indexed) => boolean) => {
    const at = unmatched.findIndex(match);
    return at < 0 ? null : unmatched.splice(at, 1)[0]!;
  };
  const pending: Indexed[] = [];
  for (const l of left) {
    const r = take((r) => r.root.path === l.root.path) ?? take((r) => baseName(r.root.path) === baseName(l.root.path));
    if (r) pairs.push([l, r]);
    else pending.push(l);
  }
  for (const l of pending) pairs.push([l, unmatched.shift() ?? null]);
  for (const r of unmatched) pairs.push([null, r]);
  return pairs;
}

/**
 * Lines up the roots of two snapshots: app with app, site-packages with site-packages, so files can
 * be compared by their path relative to the root (/home/me/app/pkg/a.py ↔ /opt/app/pkg/a.py).
 */
export function pairRoots(
  left: readonly Root[],
  right: readonly Root[],
): { pairs: RootPair[]; roots: [Root | null, Root | null][] } {
  const pairs: RootPair[] = [];
  const roots: [Root | null, Root | null][] = [];
  for (const kind of KINDS) {
    const of = (list: readonly Root[]) => list.flatMap((root, index) => (root.kind === kind ? [{ root, index }] : []));
    const kindPairs = pairKind(of(left), of(right));
    kindPairs.forEach(([l, r], n) => {
      const label = kindPairs.length > 1 ? `${kind} ${n + 1}` : kind;
      pairs.push({ index: pairs.length, kind, label, left: l?.root.path ?? null, right: r?.root.path ?? null });
      roots.push([l?.root ?? null, r?.root ?? null]);
    });
  }
  return { pairs, roots };
}
