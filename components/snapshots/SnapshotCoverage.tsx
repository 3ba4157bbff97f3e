import { Card } from "@/components/ui/Card";
import { loadSnapshotView } from "./load-snapshot-view";
import { RootCoverage } from "./RootCoverage";
import { StartupSummary } from "./StartupSummary";

/** The snapshot's headline numbers: the failure that stopped it, or startup and all-sources coverage. */
export async function SnapshotCoverage({ id }: { id: string }) {
  const snapshot = await loadSnapshotView(id);
  return (
    <>
      {snapshot.error && (
        <Card title={`Collection failed: ${snapshot.error.code}`}>
          <p className="whitespace-pre-wrap text-sm">{snapshot.error.message}</p>
        </Card>
      )}
      {snapshot.startup && (
        <Card title="Startup coverage">
          <StartupSummary startup={snapshot.startup} />
          {snapshot.identityNote && (
            <p className="mt-2 text-sm text-amber-800" data-testid="identity-note">
              {snapshot.identityNote}
            </p>
          )}
        </Card>
      )}
      {snapshot.coverage && (
        <Card title="Bytecode cache coverage (all sources)">
          <RootCoverage roots={snapshot.roots} />
        </Card>
      )}
    </>
  );
}
