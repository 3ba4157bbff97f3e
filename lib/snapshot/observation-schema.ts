import { z } from "zod";

// What the observer (lib/collector/observe) answers, and the observation DeployLens stores and shows.

const path = z.string().max(4096);
const name = z.string().max(1024);

export const observedModuleSchema = z.object({
  name,
  path,
  /** cache: the pyc was loaded; compiled: the source was compiled at this start. */
  loaded: z.enum(["cache", "compiled"]),
  /** Compiled and no pyc could be written: compiled again at every start. */
  blocked: z.boolean(),
});

/** One module as the observer reports it: with its source's size and mtime, to tell later whether it changed. */
const reportedModuleSchema = observedModuleSchema.extend({
  size: z.number().int().nullable(),
  mtime: z.number().nullable(),
});

const attributionSchema = z.enum(["unit", "pid", "time"]);

export const observerEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("armed"), directories: z.number().int() }),
  z.object({
    type: z.literal("observation"),
    startedAt: z.number(),
    durationMs: z.number().int(),
    timedOut: z.boolean(),
    /**
     * unit: opens came from fanotify, the service's systemd unit's processes only; pid: fanotify, the service
     * user's processes; time: inotify, every process's in the window.
     */
    attribution: attributionSchema.optional(),
    modules: z.array(reportedModuleSchema).max(100_000),
  }),
  z.object({ type: z.literal("error"), code: z.string().max(64), message: z.string().max(600) }),
]);

/** The public observation: `observe --json` and `GET /api/hosts/:id/observations/:obsId` return exactly this. */
export const observationSchema = z.object({
  startedAt: z.string(),
  durationMs: z.number().int(),
  modules: z.array(observedModuleSchema),
  /** Observed at the start, absent from the static closure. */
  staticMissed: z.array(name),
  /** In the static closure, not imported at the start. */
  staticExtra: z.array(name),
});

/** What is stored: the public observation plus each source's size and mtime at the time. */
export const storedObservationSchema = observationSchema.extend({
  sources: z.record(path, z.object({ size: z.number().int().nullable(), mtime: z.number().nullable() })),
  /** How events were tied to the service (absent in observations stored before it was recorded). */
  attribution: attributionSchema.optional(),
});

export type ObserverEvent = z.infer<typeof observerEventSchema>;
export type ReportedModule = z.infer<typeof reportedModuleSchema>;
export type Observation = z.infer<typeof observationSchema>;
export type StoredObservation = z.infer<typeof storedObservationSchema>;
export type Attribution = z.infer<typeof attributionSchema>;

export function publicObservation({ startedAt, durationMs, modules, staticMissed, staticExtra }: Observation) {
  return { startedAt, durationMs, modules, staticMissed, staticExtra };
}
