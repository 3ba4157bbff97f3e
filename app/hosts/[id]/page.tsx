import { connection } from "next/server";
import { notFound } from "next/navigation";
import { CollectButton } from "@/components/hosts/CollectButton";
import { HistoryChart } from "@/components/hosts/HistoryChart";
import { HostDetails } from "@/components/hosts/HostDetails";
import { SnapshotTable } from "@/components/hosts/SnapshotTable";
import { TrustHostKey } from "@/components/hosts/TrustHostKey";
import { historyPoints } from "@/components/hosts/history-points";
import { Card } from "@/components/ui/Card";
import { findHost, toHostView } from "@/lib/db/queries/hosts";
import { listSnapshots } from "@/lib/db/queries/snapshots";
import { requirePageRole } from "@/lib/auth/require-page-role";

const FINGERPRINT = /SHA256:[A-Za-z0-9+/]{43}/;

export default async function HostPage({ params }: PageProps<"/hosts/[id]">) {
  await requirePageRole("viewer");
  await connection();
  const { id } = await params;
  const row = await findHost(id);
  if (!row) notFound();
  const host = toHostView(row);
  const snapshots = await listSnapshots(row.id);
  const points = historyPoints(snapshots.map((s) => ({ ...s, takenAt: s.takenAt.toISOString() })));
  const latest = snapshots[0];
  const unknownKey = latest?.errorCode === "host-key-unknown" ? FINGERPRINT.exec(latest.errorMessage ?? "")?.[0] : undefined;
  return (
    <div className="space-y-6">
      <div className="flex items-start justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">{host.name}</h1>
        <CollectButton hostId={host.id} />
      </div>
      {unknownKey && <TrustHostKey hostId={host.id} fingerprint={unknownKey} endpoint={/jump/i.test(latest?.errorMessage ?? "") ? "jump" : "target"} />}
      <Card title="Cache coverage over time"><HistoryChart points={points} /></Card>
      <Card title="Snapshots"><SnapshotTable snapshots={snapshots} /></Card>
      <Card title="Settings"><HostDetails host={host} /></Card>
    </div>
  );
}
