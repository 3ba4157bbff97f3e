import type { Finding } from "@/lib/analysis/types";
import type { Comparison } from "./types";

/** Findings matched by rule id: only on the left, only on the right, or on both (possibly reworded). */
export function findingDiff(left: readonly Finding[], right: readonly Finding[]): Comparison["findings"] {
  const rightById = new Map(right.map((f) => [f.id, f]));
  const onlyLeft: Finding[] = [];
  const both: Comparison["findings"]["both"] = [];
  for (const l of left) {
    const r = rightById.get(l.id);
    rightById.delete(l.id);
    if (r) both.push({ id: l.id, left: l, right: r });
    else onlyLeft.push(l);
  }
  const onlyRight = right.filter((f) => rightById.has(f.id));
  return { onlyLeft, onlyRight, both, differences: onlyLeft.length + onlyRight.length };
}
