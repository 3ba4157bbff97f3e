import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { decodeHost, encodeAppRoots, encodeEntryPoints, type HostRow } from "../host-columns";

/** The editable, non-secret settings of a host (connection details are changed by adding it again). */
export type HostSettingsUpdate = { appRoots: string[]; entryPoints: string[] } & Pick<
  Prisma.HostUpdateInput,
  | "serviceUnit"
  | "unitFile"
  | "python"
  | "serviceUser"
  | "container"
  | "engine"
  | "measureStartup"
  | "maxFiles"
  | "timeoutSeconds"
>;

type SettingKey = keyof HostSettingsUpdate;

/**
 * A host's editable settings, from its row or from a validated edit of them, in the order an edit lists the
 * ones it changed.
 */
export function hostSettingsOf(host: Pick<HostRow, SettingKey>): Pick<HostRow, SettingKey> {
  return {
    appRoots: host.appRoots,
    entryPoints: host.entryPoints,
    serviceUnit: host.serviceUnit,
    unitFile: host.unitFile,
    python: host.python,
    serviceUser: host.serviceUser,
    container: host.container,
    engine: host.engine,
    measureStartup: host.measureStartup,
    maxFiles: host.maxFiles,
    timeoutSeconds: host.timeoutSeconds,
  };
}

export async function updateHostSettings(id: string, data: HostSettingsUpdate): Promise<HostRow> {
  const { appRoots, entryPoints, ...rest } = data;
  const columns = { appRoots: encodeAppRoots(appRoots), entryPoints: encodeEntryPoints(entryPoints) };
  return decodeHost(await prisma.host.update({ where: { id }, data: { ...rest, ...columns } }));
}

export async function updateHostSchedule(id: string, schedule: string | null): Promise<HostRow> {
  return decodeHost(await prisma.host.update({ where: { id }, data: { schedule } }));
}

export async function updateHostBaseline(id: string, baselineSnapshotId: string | null): Promise<HostRow> {
  return decodeHost(await prisma.host.update({ where: { id }, data: { baselineSnapshotId } }));
}

/** Removes the host and (by cascade) its snapshots; blobs nobody references go at the next prune. */
export async function deleteHost(id: string): Promise<void> {
  await prisma.host.delete({ where: { id } });
}

/**
 * Each scheduled host's id and cron expression, and nothing else: the scheduler re-reads this every 30 s, and at
 * a fleet's size whole rows cost the event loop tens of milliseconds each time.
 */
export async function listHostSchedules(): Promise<{ id: string; schedule: string }[]> {
  const rows = await prisma.host.findMany({
    where: { schedule: { not: null } },
    select: { id: true, schedule: true },
    orderBy: { name: "asc" },
  });
  return rows.flatMap((row) => (row.schedule === null ? [] : [{ id: row.id, schedule: row.schedule }]));
}
