import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import Database from "../support/sqlite-database";
import { snapshotStoreSuite } from "../support/suites/snapshot-store-suite";

// The suite on SQLite, the embedded default; snapshot-store-postgres.test.ts runs it on PostgreSQL.
let file = "";
const readOnly = <T>(read: (db: Database) => T): T => {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};

snapshotStoreSuite({
  async open(dir) {
    file = path.join(dir, "store.db");
    migrate({ file });
    return `file:${file}`;
  },
  storedBytes: async () =>
    readOnly((db) => {
      const blobs = db
        .prepare(`SELECT count(*) AS n, coalesce(sum(length(data)), 0) AS bytes FROM InventoryBlob`)
        .get() as { n: number; bytes: number };
      const columns = (db.prepare(`PRAGMA table_info(Snapshot)`).all() as { name: string }[]).map(
        (c) => `coalesce(length("${c.name}"), 0)`,
      );
      const rows = db.prepare(`SELECT coalesce(sum(${columns.join(" + ")}), 0) AS bytes FROM Snapshot`).get() as {
        bytes: number;
      };
      return { blobs: blobs.n, blobBytes: blobs.bytes, snapshotBytes: rows.bytes };
    }),
  snapshotRow: async (id) =>
    readOnly(
      (db) =>
        db.prepare(`SELECT status, errorCode, blobSha256 FROM Snapshot WHERE id = ?`).get(id) as {
          status: string;
          errorCode: string | null;
          blobSha256: string | null;
        },
    ),
});
