import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/provider";
import { Prisma } from "@/lib/db/generated/client";
import { decodeHost } from "../host-columns";
import { decodeRegressions } from "../snapshot-columns";
import type { SnapshotSummary, SummaryCounts } from "@/lib/snapshot/snapshot-summary";

/** The newest collection of a host, any status: when, and whether it worked. */
export type LatestCollection = Pick<SnapshotSummary, "id" | "takenAt" | "status" | "errorCode" | "errorMessage">;
/** The summary columns of a host's newest successful snapshot that the host list shows. */
export type LatestOkSummary = Pick<SnapshotSummary, "id" | "warningFindings" | "regressions"> & SummaryCounts;
export type SparkPoint = { id: string; startupClosure: number; startupFresh: number };
export type HostSnapshotSummary = {
  latest: LatestCollection | null;
  latestOk: LatestOkSummary | null;
  spark: SparkPoint[];
};

/**
 * A name filter that ignores case, as SQLite's LIKE does for ASCII. PostgreSQL's LIKE does not: there Prisma is
 * asked for ILIKE (`mode`, a field only PostgreSQL's client declares, hence the narrower type it is given as).
 */
function nameContains(search: string): { contains: string } {
  if (databaseProvider() === "sqlite") return { contains: search };
  return { contains: search, mode: "insensitive" } as { contains: string };
}

/** Hosts by name, optionally those whose name contains `search`, `take` of them after `skip` (all when absent). */
export async function listHostPage({ search = "", skip = 0, take }: { search?: string; skip?: number; take?: number }) {
  const rows = await prisma.host.findMany({
    where: search ? { name: nameContains(search) } : undefined,
    orderBy: { name: "asc" },
    skip,
    // One more than asked for tells whether a next page exists, without a count query.
    take: take === undefined ? undefined : take + 1,
  });
  const hosts = rows.map(decodeHost);
  const hasMore = take !== undefined && hosts.length > take;
  return { hosts: hasMore ? hosts.slice(0, take) : hosts, hasMore };
}

const count = z.union([z.number(), z.bigint()]).transform(Number);
const summaryRowSchema = z.object({
  id: z.string(),
  hostId: z.string(),
  takenAt: z.coerce.date(),
  status: z.string(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  sources: count,
  fresh: count,
  stale: count,
  missing: count,
  startupClosure: count.nullable(),
  startupFresh: count.nullable(),
  startupBlocked: count.nullable(),
  criticalFindings: count,
  warningFindings: count,
  regressions: z.string().nullable().transform(decodeRegressions),
  isLatest: count,
  isLatestOk: count,
  inSpark: count,
});

/** SQLite's form: the ids as ONE JSON parameter read by json_each, so SQLite's parameter cap never applies. */
function sqliteSummaries(hostIds: string[], per: number): Prisma.Sql {
  return Prisma.sql`
    WITH ranked AS (
      SELECT id, hostId, takenAt, status, errorCode, errorMessage, sources, fresh, stale, missing, startupClosure,
             startupFresh, startupBlocked, criticalFindings, warningFindings, regressions,
             ROW_NUMBER() OVER (PARTITION BY hostId ORDER BY takenAt DESC, id DESC) AS anyRank,
             ROW_NUMBER() OVER (PARTITION BY hostId, status ORDER BY takenAt DESC, id DESC) AS statusRank,
             ROW_NUMBER() OVER (PARTITION BY hostId, status, startupClosure IS NULL ORDER BY takenAt DESC, id DESC)
               AS startupRank
      FROM Snapshot
      WHERE hostId IN (SELECT value FROM json_each(${JSON.stringify(hostIds)}))
    )
    SELECT id, hostId, takenAt, status, errorCode, errorMessage, sources, fresh, stale, missing, startupClosure,
           startupFresh, startupBlocked, criticalFindings, warningFindings, regressions,
           anyRank = 1 AS isLatest,
           status = 'ok' AND statusRank = 1 AS isLatestOk,
           status = 'ok' AND startupClosure IS NOT NULL AND startupRank <= ${per} AS inSpark
    FROM ranked
    WHERE anyRank = 1 OR (status = 'ok' AND (statusRank = 1 OR (startupClosure IS NOT NULL AND startupRank <= ${per})))
    ORDER BY hostId, takenAt ASC, id ASC`;
}

/** PostgreSQL's form of the same query: quoted (mixed-case) names, the JSON parameter read by json_array_elements_text. */
function postgresSummaries(hostIds: string[], per: number): Prisma.Sql {
  return Prisma.sql`
    WITH ranked AS (
      SELECT "id", "hostId", "takenAt", "status", "errorCode", "errorMessage", "sources", "fresh", "stale", "missing",
             "startupClosure", "startupFresh", "startupBlocked", "criticalFindings", "warningFindings", "regressions",
             ROW_NUMBER() OVER (PARTITION BY "hostId" ORDER BY "takenAt" DESC, "id" DESC) AS "anyRank",
             ROW_NUMBER() OVER (PARTITION BY "hostId", "status" ORDER BY "takenAt" DESC, "id" DESC) AS "statusRank",
             ROW_NUMBER() OVER (PARTITION BY "hostId", "status", "startupClosure" IS NULL
                                ORDER BY "takenAt" DESC, "id" DESC) AS "startupRank"
      FROM "Snapshot"
      WHERE "hostId" IN (SELECT json_array_elements_text(${JSON.stringify(hostIds)}::json))
    )
    SELECT "id", "hostId", "takenAt", "status", "errorCode", "errorMessage", "sources", "fresh", "stale", "missing",
           "startupClosure", "startupFresh", "startupBlocked", "criticalFindings", "warningFindings", "regressions",
           ("anyRank" = 1)::int AS "isLatest",
           ("status" = 'ok' AND "statusRank" = 1)::int AS "isLatestOk",
           ("status" = 'ok' AND "startupClosure" IS NOT NULL AND "startupRank" <= ${per})::int AS "inSpark"
    FROM ranked
    WHERE "anyRank" = 1
       OR ("status" = 'ok' AND ("statusRank" = 1 OR ("startupClosure" IS NOT NULL AND "startupRank" <= ${per})))
    ORDER BY "hostId", "takenAt" ASC, "id" ASC`;
}

/**
 * For each of `hostIds`, in one query: its newest snapshot (any status), its newest successful one, and the
 * startup coverage of its last `per` successful snapshots with a startup closure (oldest first). The ids
 * travel as ONE JSON parameter read by json_each, never as a list of bound parameters, so the count of
 * hosts is not limited by SQLite's parameter cap; window functions keep a few rows per host, never a history.
 */
export async function listSnapshotSummaries(hostIds: string[], per = 30): Promise<Map<string, HostSnapshotSummary>> {
  const byHost = new Map<string, HostSnapshotSummary>();
  if (hostIds.length === 0) return byHost;
  const query = databaseProvider() === "postgresql" ? postgresSummaries(hostIds, per) : sqliteSummaries(hostIds, per);
  const rows: unknown[] = await prisma.$queryRaw(query);
  for (const raw of rows) {
    const { hostId, isLatest, isLatestOk, inSpark, ...row } = summaryRowSchema.parse(raw);
    let summary = byHost.get(hostId);
    if (!summary) byHost.set(hostId, (summary = { latest: null, latestOk: null, spark: [] }));
    if (isLatest) summary.latest = row;
    if (isLatestOk) summary.latestOk = row;
    if (inSpark)
      summary.spark.push({ id: row.id, startupClosure: row.startupClosure ?? 0, startupFresh: row.startupFresh ?? 0 });
  }
  return byHost;
}
