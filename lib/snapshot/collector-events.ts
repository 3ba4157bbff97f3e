import { z } from "zod";
import { ERROR_CODES } from "@/lib/error-codes";
import type { RecordField, RecordItem } from "./inventory-records";
import { inventorySchema, measurementsSchema, message, name } from "./schema";

// The collector's JSON lines on stdout: progress events, records (the roots' per-file arrays in batches,
// checked item by item in lib/collector/parse-event.ts, not by zod), then exactly one result or one error.

export const progressEventSchema = z.object({
  type: z.literal("progress"),
  phase: name,
  dirs: z.number().int(),
  files: z.number().int(),
});
export const resultEventSchema = z.object({
  type: z.literal("result"),
  inventory: inventorySchema,
  measurements: measurementsSchema,
});
export const errorEventSchema = z.object({
  type: z.literal("error"),
  // A code outside the list is output DeployLens does not understand, like any other malformed line.
  code: name.pipe(z.enum(ERROR_CODES)),
  message: message,
});
export const collectorEventSchema = z.discriminatedUnion("type", [
  progressEventSchema,
  resultEventSchema,
  errorEventSchema,
]);

/** A batch of one root's per-file array: `root` indexes the result's roots (never decreasing), items in array order. */
export type RecordsEvent = { type: "records"; root: number; field: RecordField; items: RecordItem[] };
export type CollectorEvent = z.infer<typeof collectorEventSchema> | RecordsEvent;
export type ProgressEvent = z.infer<typeof progressEventSchema>;
