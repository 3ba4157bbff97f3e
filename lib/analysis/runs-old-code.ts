import type { Interpreter, Source } from "@/lib/snapshot/schema";

/**
 * PYC.md §2: a hash-based pyc the interpreter uses without checking its source (unchecked-hash unless
 * --check-hash-based-pycs always; checked-hash under never). When the source changed since, the pyc is
 * still loaded from cache: it runs the OLD code (the unchecked-hash-stale finding says so), and for
 * coverage it is cached all the same.
 */
export function trustsStaleHash(interpreter: Interpreter | null): (source: Source) => boolean {
  const mode = interpreter?.checkHashPycs ?? "default";
  return (source) =>
    source.status === "stale" &&
    source.reason === "hash" &&
    ((source.pyc === "unchecked-hash" && mode !== "always") || (source.pyc === "checked-hash" && mode === "never"));
}
