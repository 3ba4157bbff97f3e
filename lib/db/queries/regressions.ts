import "server-only";
import { prisma } from "@/lib/db/client";
import type { Regression } from "@/lib/regressions/regression";

/** Annotates a just-stored snapshot with what it regressed on (computed once, right after it is stored). */
export async function updateSnapshotRegressions(id: string, regressions: Regression[]): Promise<void> {
  await prisma.snapshot.update({ where: { id }, data: { regressions: regressions.length ? JSON.stringify(regressions) : null } });
}
