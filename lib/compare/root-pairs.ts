import type { Root } from "@/lib/snapshot/schema";
import type { RootPair } from "./types";

const KINDS: readonly Root["kind"][] = ["app", "site-packages"];
const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

type Paired = Pick<Root, "path" | "kind">;
type Indexed<R extends Paired> = { root: R; index: number };

/** Pairs within one kind: same path first, then same directory name, then by order. */
function pairKind<R extends Paired>(left: Indexed<R>[], right: Indexed<R>[]): [Indexed<R> | null, Indexed<R> | null][] {
  const pairs: [Indexed<R> | null, Indexed<R> | null][] = [];
  const unmatched = [...right];
  const take = (match: (r: Indexed<R>) => boolean) => {
    const at = unmatched.findIndex(match);
    return at < 0 ? null : unmatched.splice(at, 1)[0]!;
  };
  const pending: Indexed<R>[] = [];
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
 * be compared by their path relative to the root (/home/me/app/pkg/a.py ↔ /opt/app/pkg/a.py). Only their paths
 * and kinds count: a stored snapshot's view lists them before its blob is read.
 */
export function pairRoots<R extends Paired>(
  left: readonly R[],
  right: readonly R[],
): { pairs: RootPair[]; roots: [R | null, R | null][] } {
  const pairs: RootPair[] = [];
  const roots: [R | null, R | null][] = [];
  for (const kind of KINDS) {
    const of = (list: readonly R[]) => list.flatMap((root, index) => (root.kind === kind ? [{ root, index }] : []));
    const kindPairs = pairKind(of(left), of(right));
    kindPairs.forEach(([l, r], n) => {
      const label = kindPairs.length > 1 ? `${kind} ${n + 1}` : kind;
      pairs.push({ index: pairs.length, kind, label, left: l?.root.path ?? null, right: r?.root.path ?? null });
      roots.push([l?.root ?? null, r?.root ?? null]);
    });
  }
  return { pairs, roots };
}
