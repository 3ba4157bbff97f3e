import { verdictOf } from "@/lib/analysis/verdict";
import { CollectionFailure } from "./CollectionFailure";
import { loadSnapshotView } from "@/lib/snapshot-reads/load-snapshot-view";
import { VerdictCard } from "./VerdictCard";

/** The top of a snapshot: the verdict of a successful one, or why a failed one failed and what to do. */
export async function SnapshotVerdict({ id }: { id: string }) {
  const snapshot = await loadSnapshotView(id);
  if (snapshot.error) return <CollectionFailure error={snapshot.error} />;
  const verdict = verdictOf({
    findings: snapshot.findings,
    startup: snapshot.startup?.counts ?? null,
    measured: snapshot.startup?.cost ?? null,
  });
  // Without a unit or --user, "blocked" is judged as the collecting user: the reader must know that first.
  return <VerdictCard verdict={verdict} note={snapshot.identityNote} />;
}
