import type { Interpreter } from "@/lib/snapshot/schema";
import { show, type FieldEntry } from "./field-rows";

const FIELDS = [
  "path",
  "origin",
  "version",
  "implementation",
  "cacheTag",
  "magic",
  "optimize",
  "pycachePrefix",
  "dontWriteBytecode",
  "ignoresEnvironment",
  "checkHashPycs",
  "sitePackages",
] as const satisfies readonly (keyof Interpreter)[];

/** The interpreter field by field (`explain` is prose about the same fields, so it is left out). */
export function interpreterEntries(left: Interpreter | null, right: Interpreter | null): FieldEntry[] {
  return FIELDS.map((key) => ({
    key,
    left: left ? (show(left[key]) ?? "(none)") : null,
    right: right ? (show(right[key]) ?? "(none)") : null,
  }));
}
