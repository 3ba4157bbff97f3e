import "server-only";
import { dashboardUrl, PUBLIC_URL_SETTING, serverPublicUrl } from "@/lib/base-url";
import { findSetting, updateSetting } from "./settings";

/** At server start: remember where this server serves the database, so links made elsewhere point at it. */
export async function recordPublicUrl(): Promise<void> {
  await updateSetting(PUBLIC_URL_SETTING, serverPublicUrl());
}

/** The absolute URL of the dashboard that serves this database (DEPLOYLENS_URL overrides what was recorded). */
export function findDashboardUrl(): Promise<string> {
  return dashboardUrl(() => findSetting(PUBLIC_URL_SETTING));
}
