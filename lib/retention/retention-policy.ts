import "server-only";
import { z } from "zod";
import { findSetting, updateSetting } from "@/lib/db/queries/settings";

/**
 * Keep everything from the last `keepAllDays`; older, the last snapshot of each host's day for
 * `keepDailyDays` (null = forever); always every state change and every baseline (lib/retention/select-prunable).
 */
export const retentionPolicySchema = z.object({
  keepAllDays: z.number().int().min(1).max(3650),
  keepDailyDays: z.number().int().min(1).max(36500).nullable(),
});

export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;

const KEY = "retention";
export const DEFAULT_RETENTION: RetentionPolicy = { keepAllDays: 30, keepDailyDays: null };

/** DEPLOYLENS_RETENTION_DAYS and DEPLOYLENS_RETENTION_DAILY_DAYS ("forever" or a number of days). */
function fromEnv(): RetentionPolicy {
  const days = process.env.DEPLOYLENS_RETENTION_DAYS;
  const daily = process.env.DEPLOYLENS_RETENTION_DAILY_DAYS;
  return retentionPolicySchema.parse({
    keepAllDays: days ? Number(days) : DEFAULT_RETENTION.keepAllDays,
    keepDailyDays: daily && daily !== "forever" ? Number(daily) : DEFAULT_RETENTION.keepDailyDays,
  });
}

/** The policy in force: what the settings page saved, else the environment, else the defaults. */
export async function findRetentionPolicy(): Promise<RetentionPolicy> {
  const saved = await findSetting(KEY);
  const parsed = saved ? retentionPolicySchema.safeParse(JSON.parse(saved)) : null;
  return parsed?.success ? parsed.data : fromEnv();
}

/** Saves a policy from the settings page; null goes back to the environment's. */
export async function updateRetentionPolicy(policy: RetentionPolicy | null): Promise<void> {
  await updateSetting(KEY, policy && JSON.stringify(retentionPolicySchema.parse(policy)));
}
