import { Card } from "@/components/ui/Card";
import { findRetentionPolicy } from "@/lib/retention/retention-policy";
import { snapshotsPerHost } from "@/lib/retention/snapshots-per-host";
import { storeSizeBytes } from "@/lib/db/queries/store-size";
import { listDeliveryLog } from "@/lib/webhooks/delivery-log";
import { findWebhookUrl } from "@/lib/webhooks/webhook-url";
import { RetentionSettings } from "./RetentionSettings";
import { StoreUsage } from "./StoreUsage";
import { WebhookSettings } from "./WebhookSettings";

/** The operations part of /settings: retention, store usage, regression webhook. */
export async function OperationsSettings() {
  const [policy, hosts, webhookUrl, deliveries] = await Promise.all([
    findRetentionPolicy(),
    snapshotsPerHost(),
    findWebhookUrl(),
    listDeliveryLog(),
  ]);
  return (
    <>
      <Card title="Retention">
        <RetentionSettings policy={policy} />
      </Card>
      <Card title="Store">
        <StoreUsage bytes={await storeSizeBytes()} hosts={hosts} />
      </Card>
      <Card title="Regression webhook">
        <WebhookSettings configured={webhookUrl !== null} deliveries={deliveries} />
      </Card>
    </>
  );
}
