import "server-only";
import { createHash } from "node:crypto";
import type { HostRow } from "@/lib/db/queries/hosts";
import { findJob, startCollection, type Job } from "./collection-queue";
import { fleetQueueEnabled, findFleetJob, startFleetCollection } from "./fleet-queue";

/**
 * The server's collections: through this process's own queue on the embedded SQLite store, through the queue
 * every instance shares on PostgreSQL (lib/jobs/fleet-queue.ts). Callers see the same Job either way.
 */
export async function queueCollection(host: HostRow, startedBy: string | null, tick?: Date): Promise<Job> {
  if (!fleetQueueEnabled()) return startCollection(host, startedBy);
  return startFleetCollection(host, startedBy, tick ? tickJobId(host.id, tick) : undefined);
}

/** A job by id: this process's, or on the shared queue one any instance runs. */
export async function findCollectionJob(id: string): Promise<Job | null> {
  return findJob(id) ?? (fleetQueueEnabled() ? findFleetJob(id) : null);
}

/** One UUID per host and schedule occurrence, the same in every instance: the fleet queue keeps one of them. */
function tickJobId(hostId: string, tick: Date): string {
  const hex = createHash("sha256").update(`${hostId}@${tick.toISOString()}`).digest("hex");
  // Laid out as a UUID (version 8, "custom"), the form the queue's id column takes.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
