import { CollectionFailure } from "@/components/snapshots/CollectionFailure";
import { Card } from "@/components/ui/Card";
import type { HostView } from "@/lib/db/queries/hosts";
import { listHostHistory } from "@/lib/snapshot-reads/host-snapshots";
import { HistoryChart } from "./HistoryChart";
import { HistoryMarkers } from "./HistoryMarkers";
import { historyPoints } from "./history-points";
import { rangeDomain, type HistoryRangeKey } from "./history-range";
import { RangePresets } from "./RangePresets";
import { TrustHostKey } from "./TrustHostKey";

/** The host page's history widget: the last 200 snapshots as a chart, and a refused host key to trust. */
export async function HostHistory({ host, range }: { host: HostView; range: HistoryRangeKey }) {
  const snapshots = await listHostHistory(host.id);
  const domain = rangeDomain(range, Date.now());
  const points = historyPoints(snapshots.map((s) => ({ ...s, takenAt: s.takenAt.toISOString() }))).filter(
    (p) => !domain || p.t >= domain[0],
  );
  const markers = points.filter((p) => p.changes.length > 0 || p.regression).map((point, i) => ({ point, n: i + 1 }));
  // What the server recorded when the key was refused, as data: the endpoint, the key it saw, the old pin.
  const refused = snapshots[0]?.errorDetails ?? null;
  const keyRefused = refused?.code === "host-key-unknown" || refused?.code === "host-key-changed";
  const hop = refused?.hop ?? 1;
  const pinned =
    refused?.endpoint !== "jump"
      ? host.hostKeySha256
      : hop === 1
        ? host.jumpKeySha256
        : host.jumpChain[hop - 2]?.keySha256;
  const unpinned = refused?.fingerprint !== undefined && refused.fingerprint !== pinned;
  const keyToTrust = keyRefused && unpinned && refused.fingerprint && refused.endpoint ? refused : null;
  const latest = snapshots[0];
  return (
    <>
      {latest?.status === "failed" && (
        // The reason and the next step survive a reload: they are the stored snapshot's error, as data.
        <CollectionFailure
          error={{
            code: latest.errorCode ?? "unknown",
            message: latest.errorMessage ?? "",
            details: latest.errorDetails,
          }}
          title="The last collection failed"
        />
      )}
      {keyToTrust && (
        <TrustHostKey
          hostId={host.id}
          fingerprint={keyToTrust.fingerprint!}
          keyType={keyToTrust.keyType}
          endpoint={keyToTrust.endpoint!}
          hop={keyToTrust.hop}
          replace={keyToTrust.pinned}
        />
      )}
      <Card
        title="Startup coverage and blocked modules over time"
        actions={<RangePresets hostId={host.id} current={range} />}
      >
        <div data-testid="history-chart">
          <HistoryChart points={points} domain={domain} markers={markers} />
          <HistoryMarkers markers={markers} />
        </div>
      </Card>
    </>
  );
}
