import "server-only";
import { findDashboardUrl } from "@/lib/db/queries/public-url";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { trackDelivery } from "@/lib/webhooks/pending-deliveries";
import { regressionPayload } from "@/lib/webhooks/regression-payload";
import { findWebhookUrl } from "@/lib/webhooks/webhook-url";
import { recordRegressions } from "@/lib/regressions/record-regressions";

/** Marks a new snapshot's regressions and, when a webhook is set, sends one alert (in the background). */
export async function afterCollection(snapshotId: string): Promise<void> {
  const { hostName, takenAt, regressions } = await recordRegressions(snapshotId);
  if (regressions.length === 0) return;
  const url = await findWebhookUrl();
  if (!url) return;
  const payload = regressionPayload({
    hostName,
    snapshotId,
    takenAt,
    regressions,
    url: `${await findDashboardUrl()}/snapshots/${snapshotId}`,
  });
  trackDelivery(deliverWebhook(url, payload));
}
