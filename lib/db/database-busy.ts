import { setTimeout as sleep } from "node:timers/promises";

/**
 * How long one database call of the dashboard waits, in total, for another process's write lock (a CLI
 * run, a backup, `sqlite3` in a terminal) before it fails as `database-busy`. The wait is asynchronous:
 * the event loop serves other requests meanwhile (see sqlite-adapter.ts).
 */
export const DATABASE_BUSY_WAIT_MS = 5000;
/** A finished collection is worth waiting longer for: its outcome must be stored, not dropped. */
export const COLLECTION_STORE_WAIT_MS = 120_000;

const SQLITE_BUSY = 5;
const MAX_PAUSE_MS = 100;

type MaybeCoded = {
  code?: unknown;
  rawCode?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
};

/**
 * SQLITE_BUSY (and its extended codes) as libSQL throws it, as Prisma's adapter wraps it (kind
 * "SocketTimeout" with the original code), or as the Prisma client reports that.
 */
export function isDatabaseBusy(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 4) return false;
  const e = error as MaybeCoded;
  if (typeof e.code === "string" && e.code.startsWith("SQLITE_BUSY")) return true;
  if (typeof e.rawCode === "number" && (e.rawCode & 0xff) === SQLITE_BUSY) return true;
  if (e.kind === "SocketTimeout" && (Number(e.originalCode) & 0xff) === SQLITE_BUSY) return true;
  return isDatabaseBusy(e.cause, depth + 1) || isDatabaseBusy(e.meta?.driverAdapterError, depth + 1);
}

/** Runs `attempt` again, after short asynchronous pauses, while it fails because the database is locked. */
export async function waitWhileBusy<T>(attempt: () => Promise<T>, waitMs = DATABASE_BUSY_WAIT_MS): Promise<T> {
  const deadline = performance.now() + waitMs;
  for (let pause = 2; ; pause = Math.min(pause * 2, MAX_PAUSE_MS)) {
    try {
      return await attempt();
    } catch (error) {
      const left = deadline - performance.now();
      if (!isDatabaseBusy(error) || left <= 0) throw error;
      await sleep(Math.min(pause, left));
    }
  }
}
