import type { Facts, DirFact } from "./facts";
import { plural } from "./count-by";
import { startupBlockedIn } from "./startup-blocked";

/** ≈1.2–1.8 ms per module compiled from source (python-bytecode.md §9, Flask and Django on CPython 3.11). */
export function compileEstimate(modules: number): string {
  return `≈ ${Math.round(modules * 1.2)}–${Math.round(modules * 1.8)} ms if all are imported`;
}

/**
 * " (≈ 12–18 ms if all are imported)" where the collector measured nothing; "" where it measured, so a
 * finding never shows an estimate beside a measurement (the measurement is in startupCost).
 */
export function estimateUnlessMeasured(f: Facts, modules: number): string {
  return f.snapshot.measurements?.startup ? "" : ` (${compileEstimate(modules)})`;
}

/**
 * What this finding costs at every start: the blocked startup modules in its directories first (the
 * collector measured compiling all blocked ones), else the estimate for every source there.
 */
export function startupCost(f: Facts, recompiled: number, dirs: readonly DirFact[] = []): string | undefined {
  const measured = f.snapshot.measurements?.startup;
  const startup = dirs.length ? startupBlockedIn(f, dirs) : null;
  if (startup && startup.blocked.length) {
    const share = startup.total ? startup.blocked.length / startup.total : 0;
    const ms = measured
      ? `; compiling them takes ≈ ${Math.round(measured.ms * share)} ms (measured ${Math.round(measured.ms)} ms for all ${plural(measured.modules, "blocked module")}${measured.capped ? ", stopped at the cap" : ""})`
      : "";
    return `blocks ${plural(startup.blocked.length, "startup module")}: compiled from source at every start${ms}`;
  }
  if (!measured) return undefined;
  const capped = measured.capped ? ", stopped at the cap" : "";
  return `each process start compiles up to ${plural(recompiled, "module")} from source; measured: ${Math.round(measured.ms)} ms for ${plural(measured.modules, "module")}${capped}`;
}
