import fs from "node:fs";
import Database from "../../support/sqlite-database";
import type { StoreDelta } from "./worker-protocol";

export type StoreState = { blobs: number; blobBytes: number; rowBytes: number; fileBytes: number; snapshots: number };

/**
 * What the store holds now: blob count and compressed bytes, the bytes of every column of every
 * snapshot row (as the snapshot-store test measures them), and the file size after a WAL checkpoint.
 */
export function storeState(databaseFile: string): StoreState {
  const db = new Database(databaseFile);
  try {
    const checkpoint = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    if (checkpoint[0]?.busy) throw new Error("WAL checkpoint was blocked by a reader; file sizes would be wrong");
    const blobs = db
      .prepare(`SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM InventoryBlob`)
      .get() as { n: number; bytes: number };
    const columns = (db.prepare(`PRAGMA table_info(Snapshot)`).all() as { name: string }[]).map(
      (c) => `coalesce(length("${c.name}"), 0)`,
    );
    const rows = db
      .prepare(`SELECT count(*) AS n, coalesce(sum(${columns.join(" + ")}), 0) AS bytes FROM Snapshot`)
      .get() as { n: number; bytes: number };
    return {
      blobs: blobs.n,
      blobBytes: blobs.bytes,
      rowBytes: rows.bytes,
      snapshots: rows.n,
      fileBytes: fs.statSync(databaseFile).size,
    };
  } finally {
    db.close();
  }
}

export function storeDelta(before: StoreState, after: StoreState): StoreDelta {
  return {
    blobBytes: after.blobBytes - before.blobBytes,
    blobsAdded: after.blobs - before.blobs,
    rowBytes: after.rowBytes - before.rowBytes,
    fileBytes: after.fileBytes - before.fileBytes,
  };
}
