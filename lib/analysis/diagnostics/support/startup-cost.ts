import type { Facts } from "./facts";
import { plural } from "./count-by";

/** ≈1.2–1.8 ms per module compiled from source (python-bytecode.md §9, Flask and Django on CPython 3.11). */
export function compileEstimate(modules: number): string {
  return `≈ ${Math.round(modules * 1.2)}–${Math.round(modules * 1.8)} ms if all are imported`;
}

/** The measured start next to what this finding costs; undefined when startup was not measured. */
export function startupCost(f: Facts, recompiled: number): string | undefined {
  const measured = f.snapshot.measurements?.startup;
  if (!measured) return undefined;
  const capped = measured.capped ? ", stopped at the cap" : "";
  return `each process start compiles up to ${plural(recompiled, "module")} from source (${compileEstimate(recompiled)}); measured start: ${Math.round(measured.ms)} ms, ${plural(measured.modules, "module")}${capped}`;
}
