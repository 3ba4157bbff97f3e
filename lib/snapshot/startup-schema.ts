import { z } from "zod";
import { LIST_MAX, message, name, path, sourceStatusSchema, staleReasonSchema } from "./schema-bounds";

/**
 * One module of the service's startup import closure, judged as the walk judges a source, except that a
 * trusted hash pyc of an edited source is `fresh` with reason `hash`: the interpreter loads it from cache
 * (and runs the old code, which the unchecked-hash-stale finding reports).
 */
export const startupModuleSchema = z.object({
  name, // dotted module name, e.g. "lernmanager.app"
  path, // absolute
  status: sourceStatusSchema,
  reason: staleReasonSchema.nullable(),
  /** Not fresh, and the service can never write its pyc: compiled at every start, forever. */
  blocked: z.boolean(),
});

/**
 * What the service imports at start (lib/collector/python/58–64): its entry points, the modules of
 * their import closure, and what could not be followed. Deterministic, so it lives in the inventory;
 * the compile-time measurement of the blocked modules stays in the measurements.
 */
export const startupSchema = z.object({
  /** service: from ExecStart; host-setting: the host's --entry; app-roots: neither, top-level modules. */
  origin: z.enum(["service", "host-setting", "service+host-setting", "app-roots"]),
  entryPoints: z.array(message).max(LIST_MAX),
  sysPath: z.array(path).max(LIST_MAX),
  modules: z.array(startupModuleSchema).max(LIST_MAX),
  /** Required names no sys.path entry holds (dynamic or missing imports). */
  unresolved: z.array(name).max(LIST_MAX),
  /** Sources the collector's Python could not parse: their imports are not followed. */
  unparsed: z.array(z.object({ path, error: message })).max(LIST_MAX),
  notes: z.array(message).max(LIST_MAX),
  truncated: z.object({ reason: z.enum(["max-modules", "max-seconds"]), limit: z.number() }).nullable(),
  /**
   * Set by DeployLens, never by the collector: the closure a real start of the service imported (an
   * observation, lib/jobs/observe-host.ts), when the service configuration and the sources had not changed since.
   * The headline counts these modules instead of the static ones above.
   */
  observed: z
    .object({ observationId: name, modules: z.array(startupModuleSchema).max(LIST_MAX) })
    .nullable()
    .optional(),
});
