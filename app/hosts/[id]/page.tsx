import Link from "next/link";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { CollectButton } from "@/components/hosts/CollectButton";
import { HistoryChart } from "@/components/hosts/HistoryChart";
import { HostDetails } from "@/components/hosts/HostDetails";
import { Pagination } from "@/components/hosts/Pagination";
import { SnapshotTable } from "@/components/hosts/SnapshotTable";
import { SNAPSHOTS_PER_PAGE, pageParams } from "@/components/hosts/page-params";
import { TrustHostKey } from "@/components/hosts/TrustHostKey";
import { historyPoints } from "@/components/hosts/history-points";
import { Card } from "@/components/ui/Card";
import { findHost, toHostView } from "@/lib/db/queries/hosts";
import { countSnapshots, listSnapshots } from "@/lib/db/queries/snapshots";
import { parseErrorDetails } from "@/lib/snapshot/error-details";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function HostPage({ params, searchParams }: PageProps<"/hosts/[id]">) {
  await requirePageRole("viewer");
  await connection();
  const { id } = await params;
  const row = await findHost(id);
  if (!row) notFound();
  const host = toHostView(row);
  const { page, per, skip } = pageParams(await searchParams);
  // The chart reads the last 200 snapshots; the list below shows one page of all of them.
  const [snapshots, listed, total] = await Promise.all([
    listSnapshots(row.id),
    listSnapshots(row.id, { skip, take: per }),
    countSnapshots(row.id),
  ]);
  const points = historyPoints(snapshots.map((s) => ({ ...s, takenAt: s.takenAt.toISOString() })));
  const latest = snapshots[0];
  // What the server recorded when the key was refused, as data: the endpoint, the key it saw, the old pin.
  const refused = parseErrorDetails(latest?.errorDetails ?? null);
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
  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">{host.name}</h1>
        <CollectButton hostId={host.id} />
      </div>
      {keyToTrust && (
        <TrustHostKey
          hostId={host.id}
          fingerprint={keyToTrust.fingerprint!}
          endpoint={keyToTrust.endpoint!}
          hop={keyToTrust.hop}
          replace={keyToTrust.pinned}
        />
      )}
      <Card title="Startup coverage and blocked modules over time">
        <HistoryChart points={points} />
      </Card>
      <Card title="Snapshots">
        {listed.length === 0 && total > 0 ? (
          <p className="text-sm text-slate-500">
            No snapshots on page {page}: <Link href={`/hosts/${host.id}`}>see the newest</Link>.
          </p>
        ) : (
          <SnapshotTable snapshots={listed} />
        )}
        <Pagination
          basePath={`/hosts/${host.id}`}
          page={page}
          pages={Math.ceil(total / per)}
          per={per}
          defaultPer={SNAPSHOTS_PER_PAGE}
        />
      </Card>
      <Card title="Settings">
        <HostDetails host={host} />
      </Card>
    </div>
  );
}
