import { z } from "zod";

export const compareQuerySchema = z.object({
  left: z.string().min(1, "name the left host or snapshot"),
  right: z.string().min(1, "name the right host or snapshot"),
  format: z.enum(["json", "markdown", "csv"]).default("json"),
});

export function parseCompareQuery(url: string) {
  return compareQuerySchema.parse(Object.fromEntries(new URL(url).searchParams));
}
