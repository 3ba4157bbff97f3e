import { describe } from "vitest";
import pg from "pg";
import { postgresMissing, startPostgres, type RunningPostgres } from "../support/postgres";
import { snapshotStoreSuite } from "../support/suites/snapshot-store-suite";

// The suite of snapshot-store.test.ts on a real PostgreSQL server (Debian's package, started by the test).
describe.skipIf(postgresMissing)(
  `snapshots stored on PostgreSQL${postgresMissing ? ` (${postgresMissing})` : ""}`,
  () => {
    let server: RunningPostgres | undefined;
    let client: pg.Client | undefined;
    const query = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) =>
      (await client!.query<T>(sql, values)).rows;

    snapshotStoreSuite({
      async open() {
        server = await startPostgres();
        const url = await server.createDatabase("store");
        const { migratePostgres } = await import("@/lib/db/migrate-postgresql");
        await migratePostgres(url);
        client = new pg.Client({ connectionString: url });
        await client.connect();
        return url;
      },
      async storedBytes() {
        const [blobs] = await query<{ n: string; bytes: string }>(
          `SELECT count(*) AS n, coalesce(sum(octet_length(data)), 0) AS bytes FROM "InventoryBlob"`,
        );
        const columns = await query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_name = 'Snapshot'`,
        );
        // What each value occupies as stored (a bytea as bytes, not as its hex text).
        const sum = columns.map((c) => `coalesce(pg_column_size("${c.column_name}"), 0)`).join(" + ");
        const [rows] = await query<{ bytes: string }>(`SELECT coalesce(sum(${sum}), 0) AS bytes FROM "Snapshot"`);
        return { blobs: Number(blobs!.n), blobBytes: Number(blobs!.bytes), snapshotBytes: Number(rows!.bytes) };
      },
      async snapshotRow(id) {
        const [row] = await query<{ status: string; errorCode: string | null; blobSha256: string | null }>(
          `SELECT status, "errorCode", "blobSha256" FROM "Snapshot" WHERE id = $1`,
          [id],
        );
        return row!;
      },
      async close() {
        await client?.end();
        await server?.stop();
      },
    });
  },
);
