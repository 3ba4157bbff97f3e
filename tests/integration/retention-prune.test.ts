import fs from "node:fs";
import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { noMeasurements, syntheticInventory } from "../support/synthetic-history";
import { tempDir } from "../support/temp-dir";

const temp = tempDir("deploylens-retention-");
const databaseFile = path.join(temp.dir, "retention.db");
const DAY = 86_400_000;
const base = Date.UTC(2026, 0, 1);
const now = new Date(base + 60 * DAY);
const at = (day: number, hour: number) => new Date(base + day * DAY + hour * 3_600_000);

beforeAll(() => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
});
afterAll(() => temp.remove());

function blobStats() {
  const db = new Database(databaseFile, { readonly: true });
  const row = db.prepare("SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM InventoryBlob").get() as {
    n: number;
    bytes: number;
  };
  const snapshots = (db.prepare("SELECT count(*) AS n FROM Snapshot").get() as { n: number }).n;
  db.close();
  return { blobs: row.n, blobBytes: row.bytes, snapshots };
}

test("prune keeps exactly what the policy says, frees the blob only pruned snapshots used, and shrinks the file", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { storeSnapshot } = await import("@/lib/jobs/record-snapshot");
  const { updateHostBaseline } = await import("@/lib/db/queries/host-updates");
  const { pruneSnapshots } = await import("@/lib/retention/prune-snapshots");
  const { sqliteStoreBytes } = await import("@/lib/db/sqlite-store-size");
  const host = await createHost({ name: "web", transport: "local", appRoots: ["/srv/app"] });
  const usual = syntheticInventory(1500, 500);
  const regressed = syntheticInventory(1400, 600);
  const touched = syntheticInventory(1500, 500, 1); // same counts, another blob
  const ids = new Map<string, string>();
  // 60 days, four snapshots a day; coverage drops on day 10 and recovers on day 20.
  for (let day = 0; day < 60; day++) {
    for (const hour of [1, 7, 13, 19]) {
      const inventory = day === 5 && hour === 7 ? touched : day >= 10 && day < 20 ? regressed : usual;
      const id = await storeSnapshot(
        host.id,
        { ok: true, inventory, measurements: noMeasurements },
        { takenAt: at(day, hour), durationMs: 1 },
      );
      ids.set(`${day}@${hour}`, id);
    }
  }
  await updateHostBaseline(host.id, ids.get("3@7")!);
  const before = blobStats();
  expect(before).toMatchObject({ blobs: 3, snapshots: 240 });

  const dry = await pruneSnapshots({ dryRun: true, now });
  expect(dry.snapshots).toEqual({ before: 240, removed: 86 });
  expect(dry.blobs.removed).toBe(1);
  expect(blobStats()).toEqual(before);

  // The file indexes of both blobs, as their snapshots' pages build them: the freed blob's goes with it.
  const { listSnapshotFiles, prepareSnapshotFiles } = await import("@/lib/snapshot-reads/snapshot-files");
  const page = { q: "", status: [], blocked: "" as const, offset: 0, limit: 1 };
  for (const key of ["5@7", "59@7"]) await prepareSnapshotFiles(ids.get(key)!);
  const indexDir = path.join(temp.dir, "file-index");
  expect(fs.readdirSync(indexDir)).toHaveLength(2);

  const sizeBefore = sqliteStoreBytes(databaseFile);
  const report = await pruneSnapshots({ dryRun: false, now });
  // Kept: 120 of the last 30 days + 30 last-of-day + the first + 2 changes + the baseline = 154.
  expect(report.snapshots.removed).toBe(86);
  const after = blobStats();
  expect(after.snapshots).toBe(154);
  expect(after.blobs).toBe(2);
  expect(before.blobBytes - after.blobBytes).toBe(report.blobs.compressedBytes);
  expect(report.blobs.compressedBytes).toBeGreaterThan(1000);
  expect(sqliteStoreBytes(databaseFile)).toBeLessThan(sizeBefore);
  expect(fs.readdirSync(indexDir)).toHaveLength(1);
  expect((await listSnapshotFiles(ids.get("59@7")!, page)).total).toBe(2000);

  const db = new Database(databaseFile, { readonly: true });
  const kept = new Set((db.prepare("SELECT id FROM Snapshot").all() as { id: string }[]).map((r) => r.id));
  db.close();
  for (const key of ["0@1", "3@7", "10@1", "20@1", "5@19", "29@19", "30@1", "59@7"])
    expect(kept.has(ids.get(key)!), key).toBe(true);
  for (const key of ["0@7", "5@7", "5@13", "10@7", "29@13"]) expect(kept.has(ids.get(key)!), key).toBe(false);

  // Another instance's retention (PostgreSQL) deleted a blob whose index this instance's disk still holds: the
  // next sweep here finds nothing to prune and still removes that index, and only that one.
  const keptIndex = fs.readdirSync(indexDir);
  fs.writeFileSync(path.join(indexDir, `${"ab".repeat(32)}.db`), "an index of a blob deleted elsewhere");
  const again = await pruneSnapshots({ dryRun: false, now });
  expect(again.snapshots.removed).toBe(0);
  expect(fs.readdirSync(indexDir)).toEqual(keptIndex);
  expect((await listSnapshotFiles(ids.get("59@7")!, page)).total).toBe(2000);
});
