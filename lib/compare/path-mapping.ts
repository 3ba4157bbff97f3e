import type { RootPair } from "./types";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces each root's location with its pair label ("{app}"), longest path first and only at a
 * path boundary, so values that differ only by where the app lives compare as equal.
 */
export function rootMapper(pairs: readonly RootPair[], side: "left" | "right"): (value: string) => string {
  const roots = pairs
    .flatMap((p) => (p[side] && p[side] !== "/" ? [{ path: p[side]!, token: `{${p.label}}` }] : []))
    .sort((a, b) => b.path.length - a.path.length);
  if (roots.length === 0) return (value) => value;
  const pattern = new RegExp(`(${roots.map((r) => escape(r.path)).join("|")})(?=$|[/:\\s"',;])`, "g");
  const tokens = new Map(roots.map((r) => [r.path, r.token]));
  return (value) => value.replace(pattern, (match) => tokens.get(match) ?? match);
}
