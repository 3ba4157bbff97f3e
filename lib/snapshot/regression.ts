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
