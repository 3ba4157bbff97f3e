import { postgresUrl } from "./provider";

/**
 * Where a job queue shared by several instances can live: the PostgreSQL database, when the store is one.
 * Null for the embedded SQLite file, which one process owns: its collections stay in that process's queue.
 */
export function sharedQueueUrl(): string | null {
  return postgresUrl();
}
