import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { COLLECTION_STORE_WAIT_MS, DATABASE_BUSY_WAIT_MS, waitWhileBusy } from "@/lib/db/database-busy";
import { recordAudit, type AuditEntry } from "./record-audit";

/**
 * For an action that has already happened (a collection was started): the response must say so even when
 * another process holds the database's write lock. Waits as a request would; past that, the event is still
 * written, later, once the database is writable (for as long as a collection's own result would wait).
 */
export async function recordAuditOfDoneAction(entry: AuditEntry): Promise<void> {
  const written = waitWhileBusy(() => recordAudit(entry), COLLECTION_STORE_WAIT_MS);
  written.catch((error: unknown) => console.error("deploylens: could not record an audit event", error));
  const patience = new AbortController();
  try {
    await Promise.race([written, sleep(DATABASE_BUSY_WAIT_MS, undefined, { signal: patience.signal })]);
  } finally {
    patience.abort();
  }
}
