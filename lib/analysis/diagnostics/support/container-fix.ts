import type { Finding, FixStep } from "../../types";
import type { Facts } from "./facts";
import { shellJoin } from "./shell-quote";

/**
 * Fixes for a service that runs in a container, in the container's own terms: Dockerfile lines and run
 * options, never `systemctl edit` (there is no unit to edit, and the image is rebuilt, not patched in place).
 * An image is immutable, so the fix for every "compiled at every start" rule is the same: compile at build
 * time with the service's interpreter and -O level, then re-create the container from the new image.
 */

/** The rules whose directories the importer recompiles at every start (index.ts's precedence chain and kin). */
const COMPILE_RULES = new Set([
  "bytecode-writing-disabled",
  "read-only-sandbox",
  "pycache-not-writable",
  "pycache-owned-by-other-user",
  "pycache-prefix-not-writable",
  "pycache-prefix-volatile",
  "stale-bytecode",
  "foreign-cache-tag",
  "unchecked-hash-stale",
]);

/** Normalised mtimes are set at or before 1980-01-02: epoch 0, Nix's 1, the zip epoch of wheels and layers. */
const NORMALISED_BEFORE = 315_619_200;

/**
 * Every app source has the same early mtime: the build normalised them, so an mtime pyc could not tell an
 * edited source (and rebuilds that keep the mtime would run old code): hash-based pycs are the right kind.
 */
export function mtimesNormalised(f: Facts): boolean {
  const times = new Set<number>();
  let count = 0;
  for (const d of f.dirs) {
    if (d.root.kind !== "app") continue;
    for (const s of d.sources) {
      times.add(s.mtime);
      count++;
    }
  }
  const [only] = [...times];
  return count > 0 && times.size === 1 && only !== undefined && only < NORMALISED_BEFORE;
}

/** `RUN python -m compileall …` for the app roots, with the service's -O level and invalidation mode. */
export function compileLine(f: Facts): string {
  const interp = f.interpreter?.path ?? "python3";
  const level = f.interpreter?.optimize ?? 0;
  const words = [interp, ...(level > 0 ? ["-" + "O".repeat(Math.min(level, 2))] : []), "-m", "compileall"];
  words.push("-q", "-j", "0");
  if (mtimesNormalised(f)) words.push("--invalidation-mode", "unchecked-hash");
  const roots = f.inventory.roots.filter((r) => r.kind === "app").map((r) => r.path);
  return `RUN ${shellJoin([...words, ...roots])}`;
}

function recreateStep(f: Facts): FixStep {
  const c = f.service.container!;
  const image = c.image ?? "IMAGE";
  return {
    text:
      "Rebuild the image and re-create the container from it (a restart keeps the old image): " +
      "keep the container's other run options.",
    code: [
      `${c.engine} build -t ${shellJoin([image])} .`,
      `${c.engine} rm -f ${shellJoin([c.name])}`,
      `${c.engine} run -d --name ${shellJoin([c.name])} … ${shellJoin([image])}`,
    ].join("\n"),
  };
}

function extraSteps(finding: Finding, f: Facts): FixStep[] {
  const c = f.service.container!;
  const steps: FixStep[] = [];
  if (finding.id === "bytecode-writing-disabled")
    steps.push({
      text:
        "Keep ENV PYTHONDONTWRITEBYTECODE=1 only after that step (or drop it), and have installers compile what " +
        "they install: UV_COMPILE_BYTECODE=1 for uv, `pip install --compile` for pip.",
    });
  if (f.prefix !== null)
    steps.push({
      text:
        `Remove PYTHONPYCACHEPREFIX=${f.prefix} (ENV, -e or compose environment): with a prefix the interpreter ` +
        "ignores every __pycache__ compiled into the image, and a tmpfs prefix starts empty at every re-create.",
    });
  if (finding.id === "pycache-not-writable" || finding.id === "pycache-owned-by-other-user")
    steps.push({
      text: `Put the compile step before USER ${c.user ?? f.user}: root compiles, ${f.user} only reads the pycs.`,
    });
  if (finding.id === "read-only-sandbox" || (c.readonlyRootfs && f.prefix === null))
    steps.push({
      text:
        "Alternative when the image cannot be rebuilt: a writable cache for the read-only root filesystem, " +
        "lost at every re-create (each new container compiles again once).",
      code: "--tmpfs /tmp/pycache -e PYTHONPYCACHEPREFIX=/tmp/pycache",
    });
  return steps;
}

/** The finding as it reads for a container, or null when it does not apply to one. */
export function inContainerTerms(finding: Finding, f: Facts): Finding | null {
  if (!f.service.container) return finding;
  // An image compiled at build time needs no writes at run time: with nothing recompiled, disabling them is right.
  if (finding.id === "bytecode-writing-disabled" && finding.severity === "info") return null;
  if (!COMPILE_RULES.has(finding.id)) return finding;
  const compile: FixStep = {
    text:
      "Compile the application at build time with the service's interpreter and -O level: add this line to the " +
      "Dockerfile after the step that copies or installs the code.",
    code: compileLine(f),
  };
  return { ...finding, fix: [compile, ...extraSteps(finding, f), recreateStep(f)] };
}
