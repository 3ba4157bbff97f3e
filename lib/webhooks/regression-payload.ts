import type { Regression } from "@/lib/snapshot/regression";

export type RegressionEvent = {
  hostName: string;
  snapshotId: string;
  takenAt: Date;
  regressions: Regression[];
  url: string;
};

/** The JSON POSTed for a regression; `text` is what Slack (and compatible chat webhooks) display. */
export function regressionPayload(e: RegressionEvent) {
  const reasons = e.regressions.map((r) => r.message).join("; ");
  return {
    text: `DeployLens: regression on ${e.hostName}: ${reasons}. ${e.url}`,
    event: "regression",
    host: e.hostName,
    snapshotId: e.snapshotId,
    takenAt: e.takenAt.toISOString(),
    url: e.url,
    regressions: e.regressions,
  };
}
