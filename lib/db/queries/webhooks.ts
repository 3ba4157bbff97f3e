import "server-only";
import { prisma } from "@/lib/db/client";

/** One attempt to POST a regression to the webhook, as the delivery log on /settings shows it. */
export type WebhookDelivery = {
  id: string;
  snapshotId: string;
  hostName: string;
  attempt: number;
  /** "delivered" | "failed" */
  outcome: string;
  httpStatus: number | null;
  error: string | null;
  createdAt: Date;
};

export type DeliveryAttempt = Omit<WebhookDelivery, "id" | "createdAt">;

export async function createWebhookDelivery(attempt: DeliveryAttempt): Promise<void> {
  await prisma.webhookDelivery.create({ data: attempt });
}

/** The delivery log, newest first. */
export async function listWebhookDeliveries(take = 50): Promise<WebhookDelivery[]> {
  return prisma.webhookDelivery.findMany({ orderBy: { createdAt: "desc" }, take });
}
