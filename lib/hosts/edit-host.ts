import "server-only";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import type { HostRow } from "@/lib/db/queries/hosts";
import { hostSettingsOf, updateHostSchedule, updateHostSettings } from "@/lib/db/queries/host-updates";
import { hostInputSchema } from "./host-input";

/** The settings `hosts edit` may change; connection details and credentials are changed by adding the host again. */
export type HostSettingsPatch = Partial<{
  appRoots: string[];
  serviceUnit: string | null;
  unitFile: string | null;
  python: string | null;
  serviceUser: string | null;
  container: string | null;
  engine: "docker" | "podman" | null;
  entryPoints: string[];
  measureStartup: boolean;
  maxFiles: number;
  timeoutSeconds: number;
  /** A cron expression the caller has already checked (lib/jobs/cron-schedule.ts), or null for none. */
  schedule: string | null;
}>;

// The local variant holds exactly the transport-independent fields, with the same rules as `hosts add`.
const settingsSchema = hostInputSchema.options[0];

/**
 * Applies a patch after validating the merged settings as `hosts add` would, and records a
 * `host-edited` audit event naming the fields that changed. Every caller (CLI, API, the edit form)
 * goes through here, so none can edit a host without leaving that trace.
 */
export async function editHost(host: HostRow, patch: HostSettingsPatch, by: AuditActor): Promise<HostRow> {
  const current = hostSettingsOf(host);
  const { schedule, ...settings } = patch;
  const defined = Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
  const merged = settingsSchema.parse({ transport: "local", name: host.name, ...current, ...defined });
  const next = hostSettingsOf(merged);
  let row = await updateHostSettings(host.id, next);
  if (schedule !== undefined) row = await updateHostSchedule(row.id, schedule);
  const changed: string[] = (Object.keys(current) as (keyof typeof current)[]).filter(
    (key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]),
  );
  if (schedule !== undefined && schedule !== host.schedule) changed.push("schedule");
  await recordAudit({ ...by, action: "host-edited", object: { type: "host", id: host.name }, detail: { changed } });
  return row;
}
