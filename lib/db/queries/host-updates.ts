import "server-only";
import { prisma } from "@/lib/db/client";
import type { Host, Prisma } from "@/lib/db/generated/client";

/** The editable, non-secret settings of a host (connection details are changed by adding it again). */
export type HostSettingsUpdate = Pick<
  Prisma.HostUpdateInput,
  | "appRoots"
  | "serviceUnit"
  | "unitFile"
  | "python"
  | "serviceUser"
  | "container"
  | "engine"
  | "entryPoints"
  | "measureStartup"
  | "maxFiles"
  | "timeoutSeconds"
>;

export async function updateHostSettings(id: string, data: HostSettingsUpdate): Promise<Host> {
  return prisma.host.update({ where: { id }, data });
}

export async function updateHostSchedule(id: string, schedule: string | null): Promise<Host> {
  return prisma.host.update({ where: { id }, data: { schedule } });
}

export async function updateHostBaseline(id: string, baselineSnapshotId: string | null): Promise<Host> {
  return prisma.host.update({ where: { id }, data: { baselineSnapshotId } });
}

/** Removes the host and (by cascade) its snapshots; blobs nobody references go at the next prune. */
export async function deleteHost(id: string): Promise<void> {
  await prisma.host.delete({ where: { id } });
}

export async function listScheduledHosts(): Promise<Host[]> {
  return prisma.host.findMany({ where: { schedule: { not: null } }, orderBy: { name: "asc" } });
}
