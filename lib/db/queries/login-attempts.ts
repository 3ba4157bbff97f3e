import "server-only";
import { prisma } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/provider";

export type AttemptScope = { name: string } | { address: string };
export type AttemptClaim = { recorded: true } | { recorded: false; earlier: Date[] };

// Parallel sign-ins all wait their turn here: a queue of a few hundred must not time out into a 500.
const TRANSACTION_WAIT_MS = 60_000;
/** Any fixed number, the advisory lock that serialises sign-in attempts on PostgreSQL. */
const ATTEMPTS_LOCK = 7_420_240_025;

/**
 * One transaction: record the attempt, then count the earlier ones in each scope since `since`. The insert
 * comes first so the transaction holds SQLite's write lock before it counts; no parallel attempt can
 * count without seeing this one. When a scope already has `limit` earlier attempts the new row is removed
 * again and the earlier times (oldest first) are returned, so the caller can say when it frees up.
 */
export async function claimLoginAttempt(
  row: { name: string; address: string },
  scopes: AttemptScope[],
  since: Date,
  limit: number,
): Promise<AttemptClaim> {
  return prisma.$transaction(
    async (tx) => {
      // PostgreSQL's transactions do not queue behind one write lock as SQLite's do: this lock puts the
      // attempts of every instance in one line, so none counts without seeing the others.
      if (databaseProvider() === "postgresql") await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ATTEMPTS_LOCK})`;
      const attempt = await tx.loginFailure.create({ data: row, select: { id: true } });
      for (const scope of scopes) {
        const earlier = await tx.loginFailure.findMany({
          where: { ...scope, at: { gte: since }, id: { not: attempt.id } },
          orderBy: { at: "asc" },
          select: { at: true },
        });
        if (earlier.length >= limit) {
          await tx.loginFailure.delete({ where: { id: attempt.id } });
          return { recorded: false, earlier: earlier.map((e) => e.at) };
        }
      }
      return { recorded: true };
    },
    { maxWait: TRANSACTION_WAIT_MS, timeout: TRANSACTION_WAIT_MS },
  );
}

/** A successful sign-in forgives the account's earlier mistakes (not the address's). */
export async function clearLoginFailures(name: string): Promise<void> {
  await prisma.loginFailure.deleteMany({ where: { name } });
}
