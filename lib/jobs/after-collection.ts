import "server-only";
import { findDashboardUrl } from "@/lib/db/queries/public-url";
import { getSnapshotOrThrow } from "@/lib/db/queries/snapshots";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { trackDelivery } from "@/lib/webhooks/pending-deliveries";
import { regressionPayload } from "@/lib/webhooks/regression-payload";
import { findWebhookUrl } from "@/lib/webhooks/webhook-url";

/**
 * When a just-stored snapshot regressed (its regressions were found before its row was written) and a webhook
 * is set, sends one alert in the background.
 */
export async function afterCollection(snapshotId: string): Promise<void> {
  const row = await getSnapshotOrThrow(snapshotId);
  const regressions = row.regressions ?? [];
  if (regressions.length === 0) return;
  const url = await findWebhookUrl();
  if (!url) return;
  const payload = regressionPayload({
    hostName: row.host.name,
    snapshotId,
    takenAt: row.takenAt,
    regressions,
    url: `${await findDashboardUrl()}/snapshots/${snapshotId}`,
  });
  trackDelivery(deliverWebhook(url, payload));
}
