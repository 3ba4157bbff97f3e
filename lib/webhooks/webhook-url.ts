import "server-only";
import { z } from "zod";
import { findSetting, updateSetting } from "@/lib/db/queries/settings";
import { decryptSecret, encryptSecret } from "@/lib/secrets/encrypt-secret";

const KEY = "webhook.url";

// Webhook URLs often carry a token (Slack's do): stored encrypted, like SSH credentials.
export const webhookUrlSchema = z.url({ protocol: /^https?$/, error: "an http:// or https:// URL" }).max(2048);

export async function findWebhookUrl(): Promise<string | null> {
  const sealed = await findSetting(KEY);
  return sealed ? decryptSecret(sealed) : null;
}

/** Saves (encrypted) or, with null, removes the URL regressions are POSTed to. */
export async function updateWebhookUrl(url: string | null): Promise<void> {
  await updateSetting(KEY, url === null ? null : encryptSecret(webhookUrlSchema.parse(url)));
}
