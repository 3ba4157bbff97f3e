import "server-only";
import { prisma } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import type { ObservationForHeadline } from "@/lib/analysis/observed-startup";
import { storedObservationSchema, type StoredObservation } from "@/lib/snapshot/observation-schema";

type Row = { id: string; configHash: string | null; body: string };

function toObservation(row: Row): ObservationForHeadline {
  return { id: row.id, configHash: row.configHash, body: storedObservationSchema.parse(JSON.parse(row.body)) };
}

export async function createObservation(data: {
  /** Given when the caller announced it before the observation finished (the API's POST). */
  id?: string;
  hostId: string;
  snapshotId: string;
  configHash: string | null;
  body: StoredObservation;
}): Promise<string> {
  const row = await prisma.observation.create({ data: { ...data, body: JSON.stringify(data.body) } });
  return row.id;
}

export async function findObservation(hostId: string, id: string): Promise<ObservationForHeadline | null> {
  const row = await prisma.observation.findFirst({ where: { id, hostId } });
  return row && toObservation(row);
}

export async function getObservationOrThrow(hostId: string, id: string): Promise<ObservationForHeadline> {
  const found = await findObservation(hostId, id);
  if (!found) throw new NotFoundError("observation", id);
  return found;
}

/** The host's newest observations, newest first: the headline takes the first that still applies. */
export async function listRecentObservations(hostId: string, take = 5): Promise<ObservationForHeadline[]> {
  const rows = await prisma.observation.findMany({ where: { hostId }, orderBy: { createdAt: "desc" }, take });
  return rows.map(toObservation);
}
