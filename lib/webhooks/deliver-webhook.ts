import "server-only";
import { createWebhookDelivery } from "@/lib/db/queries/webhooks";

export type DeliveryOptions = { attempts?: number; backoffMs?: number; timeoutMs?: number };

const defaults = () => ({
  attempts: Number(process.env.DEPLOYLENS_WEBHOOK_ATTEMPTS) || 4,
  backoffMs: Number(process.env.DEPLOYLENS_WEBHOOK_BACKOFF_MS) || 2_000,
  timeoutMs: 10_000,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs the payload until a 2xx answer, waiting backoff, 2×, 4×… between attempts; every attempt is
 * logged (outcome, HTTP status, error). Never throws: an unreachable receiver must not fail a collection.
 */
export async function deliverWebhook(
  url: string,
  payload: { text: string; host: string; snapshotId: string },
  options: DeliveryOptions = {},
): Promise<boolean> {
  const { attempts, backoffMs, timeoutMs } = { ...defaults(), ...options };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let httpStatus: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "DeployLens" },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "error",
      });
      httpStatus = response.status;
      await response.body?.cancel();
      if (!response.ok) error = `HTTP ${response.status}`;
    } catch (caught) {
      error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
    }
    const outcome = error === null ? "delivered" : "failed";
    await createWebhookDelivery({
      snapshotId: payload.snapshotId,
      hostName: payload.host,
      attempt,
      outcome,
      httpStatus,
      error,
    });
    if (outcome === "delivered") return true;
    if (attempt < attempts) await sleep(backoffMs * 2 ** (attempt - 1));
  }
  return false;
}
