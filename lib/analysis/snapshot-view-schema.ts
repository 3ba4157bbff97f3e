import { z } from "zod";
import { inventorySchema, measurementsSchema, rootSchema, writabilitySchema } from "@/lib/snapshot/schema";
import type { SnapshotView } from "./snapshot-view";

/**
 * The stored form of a snapshot's view (Snapshot.view): what snapshotViewOf computed when the snapshot was
 * stored. Reading it back is checked against this schema, never cast.
 */
const countsSchema = z.object({
  sources: z.number(),
  fresh: z.number(),
  stale: z.number(),
  missing: z.number(),
  unreadable: z.number(),
  percent: z.number().nullable(),
});

const writableSummarySchema = z.object({
  dirs: z.number(),
  writable: z.number(),
  notWritable: z.number(),
  byCause: z.partialRecord(writabilitySchema.shape.cause, z.number()),
});

const rangeSchema = z.object({ low: z.number(), high: z.number() });
const sourcedSchema = z.object({ value: z.number(), source: z.string() });

const predictionSchema = z.object({
  blocked: z.number(),
  startupCoverage: z.number().nullable(),
  cpuSecondsPerDay: rangeSchema.nullable(),
});

const findingSchema = z.object({
  id: z.string(),
  severity: z.enum(["critical", "warning", "info"]),
  title: z.string(),
  detail: z.string(),
  evidence: z.array(z.object({ label: z.string(), value: z.string() })),
  fix: z.array(z.object({ text: z.string(), code: z.string().optional(), predicted: predictionSchema.optional() })),
  startupCost: z.string().optional(),
  blocking: z.object({ directories: z.number(), cause: z.string() }).optional(),
});

const impactSchema = z.object({
  processesPerStart: sourcedSchema,
  startsPerDay: sourcedSchema.nullable(),
  perProcessStartMs: rangeSchema,
  cpuSecondsPerDay: rangeSchema.nullable(),
  restartLatencyMs: rangeSchema,
  recycling: z
    .object({
      maxRequests: z.number(),
      jitter: z.number(),
      requestsPerDay: sourcedSchema.nullable(),
      recyclesPerDay: z.number().nullable(),
    })
    .nullable(),
  notes: z.array(z.string()),
});

export const snapshotViewSchema: z.ZodType<SnapshotView> = z.object({
  inventory: inventorySchema.pick({ service: true, interpreter: true, startup: true, server: true }),
  coverage: z.object({
    overall: countsSchema,
    roots: z.array(
      z.object({
        path: z.string(),
        kind: rootSchema.shape.kind,
        exists: z.boolean(),
        coverage: countsSchema,
        writable: writableSummarySchema,
      }),
    ),
  }),
  findings: z.array(findingSchema),
  measurements: measurementsSchema.nullable(),
  impact: impactSchema.nullable(),
});
