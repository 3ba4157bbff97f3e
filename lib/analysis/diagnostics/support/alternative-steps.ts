import type { FixStep } from "../../types";
import type { Facts } from "./facts";
import { accountName, groupName, interpreterPath, optimizeFlag } from "./service-labels";
import { shellJoin } from "./shell-quote";

/** `[env PYTHONPYCACHEPREFIX=…] INTERP [-O] -m compileall -q [extra] ROOTS` for the service's interpreter. */
export function compileallCommand(f: Facts, roots: readonly string[], extra: readonly string[] = []): string {
  const opt = optimizeFlag(f);
  const prefix = f.prefix ? ["env", `PYTHONPYCACHEPREFIX=${f.prefix}`] : [];
  return shellJoin([
    ...prefix,
    interpreterPath(f),
    ...(opt ? [opt] : []),
    "-m",
    "compileall",
    "-q",
    ...extra,
    ...roots,
  ]);
}

/** Compile at deploy time with exactly the service's interpreter and -O level (python-bytecode.md §6). */
export function precompileStep(f: Facts, roots: readonly string[], alternative = true): FixStep {
  const opt = optimizeFlag(f);
  return {
    text: `${alternative ? "Alternative: compile" : "Compile"} at every deploy with the service's exact interpreter${opt ? ` and ${opt}` : ""}${f.prefix ? " and prefix" : ""}; another version or -O level writes files the service never reads. Pycs owned by the deploying user are read fine but go stale with the next source change, so make it part of each deploy.`,
    code: compileallCommand(f, roots),
  };
}

/** Hand existing __pycache__ directories to the service user (does not create missing ones). */
export function chownStep(f: Facts, roots: readonly string[], alternative = true): FixStep {
  const owner = `${accountName(f)}:${groupName(f)}`;
  const find = (root: string) =>
    shellJoin([
      "find",
      root,
      "-type",
      "d",
      "-name",
      "__pycache__",
      "!",
      "-user",
      accountName(f),
      "-exec",
      "chown",
      "-R",
      owner,
    ]);
  const lines = roots.map((root) => `${find(root)} {} +`);
  return {
    text: `${alternative ? "Alternative: give" : "Give"} the existing __pycache__ directories to ${accountName(f)}. This only covers directories that exist; a new __pycache__ still needs write access to its source directory.`,
    code: lines.join("\n"),
  };
}
