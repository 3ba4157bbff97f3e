import "server-only";
import { prisma } from "@/lib/db/client";

/**
 * Annotates a just-stored snapshot with what it regressed on (JSON from lib/regressions, computed once,
 * right after it is stored). The only write to a Snapshot row after its creation: a derived mark.
 */
export async function updateSnapshotRegressions(id: string, regressionsJson: string): Promise<void> {
  await prisma.snapshot.update({ where: { id }, data: { regressions: regressionsJson } });
}
