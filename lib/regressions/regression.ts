import { z } from "zod";

/** What made a snapshot a regression; stored as JSON on Snapshot.regressions. */
export const regressionSchema = z.object({
  kind: z.enum(["coverage-drop", "blocked-rise", "new-critical"]),
  /** "previous" or "baseline": what the snapshot was measured against. */
  against: z.enum(["previous", "baseline"]),
  againstSnapshotId: z.string(),
  message: z.string(),
});

export type Regression = z.infer<typeof regressionSchema>;

/** The stored column back to data; a value that does not parse counts as none rather than breaking a list. */
export function parseRegressions(column: string | null): Regression[] {
  if (!column) return [];
  const parsed = z.array(regressionSchema).safeParse(JSON.parse(column));
  return parsed.success ? parsed.data : [];
}
