import "server-only";
import { prisma } from "@/lib/db/client";
import type { WebhookDelivery } from "@/lib/db/generated/client";

export type DeliveryAttempt = Omit<WebhookDelivery, "id" | "createdAt">;

export async function createWebhookDelivery(attempt: DeliveryAttempt): Promise<void> {
  await prisma.webhookDelivery.create({ data: attempt });
}

/** The delivery log, newest first. */
export async function listWebhookDeliveries(take = 50): Promise<WebhookDelivery[]> {
  return prisma.webhookDelivery.findMany({ orderBy: { createdAt: "desc" }, take });
}
