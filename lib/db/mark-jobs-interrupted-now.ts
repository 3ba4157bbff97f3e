import "server-only";
import { openSqlite } from "./open-sqlite";
import { databaseFile } from "./paths";

/** Prisma's text form of a DateTime in SQLite ("2026-12-07T01:34:13.912+00:00"). */
const prismaDateTime = (at: Date) => at.toISOString().replace("Z", "+00:00");

/**
 * Marks every "queued" or "running" collection job "interrupted", synchronously: a signal handler calls it,
 * and Prisma's asynchronous client could lose the race against the process's exit. Returns the count.
 */
export function markJobsInterruptedNow(at = new Date()): number {
  const db = openSqlite(databaseFile());
  try {
    const update = db.prepare(
      `UPDATE CollectionJob SET state = 'interrupted', finishedAt = ? WHERE state IN ('queued', 'running')`,
    );
    return update.run(prismaDateTime(at)).changes;
  } finally {
    db.close();
  }
}
