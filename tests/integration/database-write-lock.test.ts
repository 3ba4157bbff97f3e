import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { DATABASE_BUSY_WAIT_MS } from "@/lib/db/database-busy";
import type { RunningApp } from "../support/app";
import { databaseWithLocalHost } from "../support/app-on-own-database";
import type { HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { holdWriteLock, type WriteLock } from "../support/hold-write-lock";
import { startSignedInApp } from "../support/session";
import Database from "../support/sqlite-database";
import { tempDir } from "../support/temp-dir";

// Another process (a backup, a `sqlite3` shell, a CLI run) holds the database's write lock for a while.
// The dashboard must go on answering, and a collection must end stored as what it was, never lost.
const temp = tempDir("deploylens-write-lock-");
const databaseFile = path.join(temp.dir, "app.db");
const LOCK_MS = 15_000;
let fixture: HalfCompiledApp;
let app: RunningApp | undefined;
let hostId = "";

beforeAll(async () => {
  ({ hostId, fixture } = await databaseWithLocalHost(databaseFile, "steady"));
}, 900_000);

afterAll(async () => {
  await app?.stop();
  fixture?.remove();
  temp.remove();
});

function rows<T>(sql: string): T[] {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

const isHeld = (lock: WriteLock) => lock.child.exitCode === null;

test("a result that cannot be stored while the lock lasts is stored as database-busy once it ends", async () => {
  const { storeOutcome } = await import("@/lib/jobs/store-outcome");
  // Longer than one query's own wait (DATABASE_BUSY_WAIT_MS) plus the store's, shorter than both fallbacks.
  const lock = await holdWriteLock(databaseFile, DATABASE_BUSY_WAIT_MS + 3_000);
  const outcome = { ok: false as const, code: "unit-not-found", message: "no such unit" };
  const stored = await storeOutcome(hostId, outcome, { takenAt: new Date(), durationMs: 1 }, undefined, 500);
  await lock.released;
  expect(stored.outcome).toMatchObject({ ok: false, code: "database-busy" });
  expect(rows(`SELECT status, errorCode FROM Snapshot WHERE id = '${stored.id}'`)).toEqual([
    { status: "failed", errorCode: "database-busy" },
  ]);
});

test(
  "while another process holds the write lock, pages answer, POST /snapshots is accepted and the collection is stored",
  { timeout: 240_000 },
  async () => {
    const signedIn = await startSignedInApp({ databaseFile });
    app = signedIn.app;
    const headers = signedIn.headers;
    const before = rows<{ id: string }>("SELECT id FROM Snapshot").length;

    const lock = await holdWriteLock(databaseFile, LOCK_MS);
    const started = await fetch(`${app.url}/api/hosts/${hostId}/snapshots`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: "{}",
    });
    const body = (await started.json()) as { data?: { jobId: string }; error?: { code: string } };
    // Accepted (the job runs), or refused as busy (nothing runs): never a 500 while the job runs anyway.
    if (started.status === 503) expect(body.error?.code).toBe("database-busy");
    else expect(started.status, JSON.stringify(body)).toBe(202);

    // Reads do not wait for the writer: each answer arrives while the lock is still held.
    for (const page of ["/", `/hosts/${hostId}`, "/api/hosts", `/api/hosts/${hostId}/snapshots`]) {
      const response = await fetch(`${app.url}${page}`, { headers });
      expect(response.status, page).toBe(200);
      expect(isHeld(lock), `${page} answered only after the lock was released`).toBe(true);
    }
    await lock.released;
    if (started.status !== 202) return;

    const jobId = body.data!.jobId;
    const deadline = Date.now() + 120_000;
    const job = () =>
      rows<{ state: string; snapshotId: string | null }>(
        `SELECT state, snapshotId FROM CollectionJob WHERE id = '${jobId}'`,
      );
    while (job()[0]?.state !== "done" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const [row] = job();
    expect(row?.state, app.logs()).toBe("done");
    const snapshots = rows<{ id: string; status: string; errorCode: string | null; sources: number | null }>(
      "SELECT id, status, errorCode, sources FROM Snapshot ORDER BY takenAt",
    );
    expect(snapshots).toHaveLength(before + 1);
    const stored = snapshots.find((s) => s.id === row!.snapshotId);
    // The target is healthy: the snapshot is what it found, or says the database was busy; nothing else.
    expect(stored?.status === "ok" ? stored.sources : stored?.errorCode, JSON.stringify(stored)).toSatisfy(
      (value: unknown) => value === 8 || value === "database-busy",
    );
    expect(rows("SELECT action FROM AuditEvent WHERE action = 'collection-started'")).toHaveLength(1);
  },
);
