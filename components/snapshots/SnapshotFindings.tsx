import { FindingCard } from "./FindingCard";
import { loadSnapshotView } from "@/lib/snapshot-reads/load-snapshot-view";

/** After the verdict: each finding with its detail, evidence and fix. */
export async function SnapshotFindings({ id }: { id: string }) {
  const snapshot = await loadSnapshotView(id);
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-semibold">Findings</h2>
      {snapshot.findings.length === 0 ? (
        <p className="text-sm text-slate-600">No findings.</p>
      ) : (
        snapshot.findings.map((f) => <FindingCard key={f.id} finding={f} />)
      )}
    </section>
  );
}
