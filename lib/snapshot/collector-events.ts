import { z } from "zod";
import { inventorySchema, measurementsSchema, message, name } from "./schema";

// The collector's JSON lines on stdout: progress events, then exactly one result or one error.

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
  code: name,
  message: message,
});
export const collectorEventSchema = z.discriminatedUnion("type", [
  progressEventSchema,
  resultEventSchema,
  errorEventSchema,
]);

export type CollectorEvent = z.infer<typeof collectorEventSchema>;
export type ProgressEvent = z.infer<typeof progressEventSchema>;
