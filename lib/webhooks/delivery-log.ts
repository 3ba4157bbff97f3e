import "server-only";
import { listWebhookDeliveries, type WebhookDelivery } from "@/lib/db/queries/webhooks";

/** The last 50 attempts to POST a regression, newest first: the log on /settings. */
export function listDeliveryLog(): Promise<WebhookDelivery[]> {
  return listWebhookDeliveries(50);
}
