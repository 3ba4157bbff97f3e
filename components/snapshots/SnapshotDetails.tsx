import { loadSnapshotView } from "@/lib/snapshot-reads/load-snapshot-view";
import { RootCoverage } from "./RootCoverage";
import { ServiceSummary } from "./ServiceSummary";
import { StartupSummary } from "./StartupSummary";

function Fold({ title, testId, children }: { title: string; testId: string; children: React.ReactNode }) {
  return (
    <details className="group rounded-lg border border-slate-200 bg-white shadow-sm" data-testid={testId}>
      <summary className="cursor-pointer px-5 py-3 text-base font-semibold select-none">{title}</summary>
      <div className="min-w-0 overflow-x-auto border-t border-slate-200 px-5 py-4">{children}</div>
    </details>
  );
}

/** What the verdict rests on, folded: the startup modules, coverage of all sources, service and interpreter. */
export async function SnapshotDetails({ id }: { id: string }) {
  const snapshot = await loadSnapshotView(id);
  return (
    <section className="space-y-3" aria-label="Details">
      <h2 className="text-lg font-semibold">Details</h2>
      {snapshot.startup && (
        <Fold title="Startup modules" testId="details-startup">
          <StartupSummary startup={snapshot.startup} />
        </Fold>
      )}
      {snapshot.coverage && (
        <Fold title="Bytecode cache coverage (all sources)" testId="details-coverage">
          <RootCoverage roots={snapshot.roots} />
        </Fold>
      )}
      {snapshot.service && (
        <Fold title="Service and interpreter" testId="details-service">
          <ServiceSummary snapshot={snapshot} />
        </Fold>
      )}
    </section>
  );
}
