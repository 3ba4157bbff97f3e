import "server-only";
import type PgBoss from "pg-boss";

/** PostgreSQL's deadlock_detected: it rolled one of the waiting transactions back. */
const DEADLOCK = "40P01";
const ATTEMPTS = 5;

/**
 * Creates pg-boss's queue `name` unless it exists. Instances that start together on a fresh database all
 * create it at once, and PostgreSQL may end one of those transactions as a deadlock: that instance's call is
 * repeated, and finds the queue the others made (pg-boss inserts it ON CONFLICT DO NOTHING), instead of the
 * instance failing to start.
 */
export async function createSharedQueue(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      if ((error as { code?: unknown }).code !== DEADLOCK || attempt >= ATTEMPTS) throw error;
      // The other transaction holds its locks until it commits: let it.
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt * Math.random()));
    }
  }
}
