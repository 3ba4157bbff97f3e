"use server";

import { redirect } from "next/navigation";
import { ZodError } from "zod";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { updateRetentionPolicy } from "@/lib/retention/retention-policy";
import { updateWebhookUrl } from "@/lib/webhooks/webhook-url";

const field = (form: FormData, key: string) => String(form.get(key) ?? "").trim();

async function saved(what: string, apply: () => Promise<void>): Promise<never> {
  await requirePageRole("admin"); // an action is a public endpoint: check the role here, not only on the page
  try {
    await apply();
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    redirect(`/settings?error=${encodeURIComponent(error.issues.map((i) => i.message).join("; "))}`);
  }
  redirect(`/settings?saved=${what}`);
}

/** Retention policy from the settings form; "reset" goes back to the environment's policy. */
export async function saveRetention(form: FormData) {
  await saved("retention", async () => {
    if (form.get("reset")) return updateRetentionPolicy(null);
    const daily = field(form, "keepDailyDays");
    await updateRetentionPolicy({
      keepAllDays: Number(field(form, "keepAllDays")),
      keepDailyDays: daily ? Number(daily) : null,
    });
  });
}

/** The webhook URL (stored encrypted); an empty field removes it. */
export async function saveWebhook(form: FormData) {
  await saved("webhook", async () => updateWebhookUrl(field(form, "url") || null));
}
