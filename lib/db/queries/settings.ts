import "server-only";
import { prisma } from "@/lib/db/client";

/** Operator settings are small key → string rows; their meaning and validation live with their feature. */
export async function findSetting(key: string): Promise<string | null> {
  return (await prisma.appSetting.findUnique({ where: { key } }))?.value ?? null;
}

export async function updateSetting(key: string, value: string | null): Promise<void> {
  if (value === null) await prisma.appSetting.deleteMany({ where: { key } });
  else await prisma.appSetting.upsert({ where: { key }, create: { key, value }, update: { value } });
}
