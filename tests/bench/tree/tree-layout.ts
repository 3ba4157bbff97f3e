/** Where each source of the synthetic deployment lives and what happens to its pyc. Pure. */

/** Sources per package directory (its __init__.py included): a typical application package. */
export const FILES_PER_DIR = 25;
/** Sub-packages per package: gives nesting about five levels deep at 100,000 sources. */
export const FAN_OUT = 8;

export type Variant = "a" | "b";
export type Fate = "fresh" | "stale-mtime" | "stale-size" | "missing";
export type PlannedSource = { index: number; dir: string; name: string; fate: Fate };

/** Directory k's path relative to the app root: a heap-shaped package tree under `benchapp/`. */
export function dirPath(k: number): string {
  const parts: string[] = [];
  for (let at = k; at > 0; at = Math.floor((at - 1) / FAN_OUT)) parts.unshift(`group${(at - 1) % FAN_OUT}`);
  return ["benchapp", ...parts].join("/");
}

/**
 * About 80 % fresh, 10 % stale (half by mtime, half by size) and 10 % missing. Variant "b" makes other
 * files stale than "a", so comparing the two finds real differences (like a laptop against a VPS).
 */
export function fateOf(index: number, variant: Variant): Fate {
  const digit = index % 10;
  const staleDigit = variant === "a" ? 1 : 3;
  if (digit === 2) return "missing";
  if (digit !== staleDigit) return "fresh";
  return Math.floor(index / 10) % 2 === 0 ? "stale-mtime" : "stale-size";
}

/** Every source in write order: each directory's __init__.py first, then m0.py, m1.py … */
export function* planSources(sources: number, variant: Variant): Generator<PlannedSource> {
  const dirs = Math.max(1, Math.ceil(sources / FILES_PER_DIR));
  const base = Math.floor(sources / dirs);
  const extra = sources % dirs;
  let index = 0;
  for (let k = 0; k < dirs; k++) {
    const dir = dirPath(k);
    const count = base + (k < extra ? 1 : 0);
    for (let i = 0; i < count; i++) {
      const name = i === 0 ? "__init__.py" : `m${i - 1}.py`;
      yield { index, dir, name, fate: fateOf(index, variant) };
      index += 1;
    }
  }
}

export function dirCount(sources: number): number {
  return Math.max(1, Math.ceil(sources / FILES_PER_DIR));
}
