import Link from "next/link";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { ImpactPanel } from "@/components/snapshots/ImpactPanel";
import { SnapshotDetails } from "@/components/snapshots/SnapshotDetails";
import { SnapshotFiles } from "@/components/snapshots/SnapshotFiles";
import { SnapshotFindings } from "@/components/snapshots/SnapshotFindings";
import { SnapshotVerdict } from "@/components/snapshots/SnapshotVerdict";
import { Card } from "@/components/ui/Card";
import { SeverityBadge } from "@/components/ui/SeverityBadge";
import { Skeleton } from "@/components/ui/Skeleton";
import { findSnapshotWithPrevious } from "@/lib/snapshot-reads/snapshot-with-previous";
import { comparePath } from "@/lib/compare/compare-refs";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function SnapshotPage({ params, searchParams }: PageProps<"/snapshots/[id]">) {
  await requirePageRole("viewer");
  await connection();
  const { id } = await params;
  // The row (not its inventory) decides 404 before anything streams; the widgets decode the blob.
  const found = await findSnapshotWithPrevious(id);
  if (!found) notFound();
  const { row, previousId } = found;
  const ok = row.status === "ok";
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={`/hosts/${row.hostId}`} className="hover:underline">
            {row.host.name}
          </Link>
        </p>
        <h1 className="flex flex-wrap items-center gap-x-3 gap-y-1 text-2xl font-semibold tracking-tight">
          Snapshot {row.takenAt.toISOString().replace("T", " ").slice(0, 19)} UTC
          <SeverityBadge level={ok ? "ok" : "failed"}>{row.status}</SeverityBadge>
        </h1>
        {previousId && (
          <p className="mt-1 text-sm">
            <Link href={comparePath(previousId, row.id)} className="text-slate-600 hover:underline">
              Compare with the previous snapshot
            </Link>
          </p>
        )}
      </div>
      <Suspense fallback={<Skeleton label="verdict" lines={3} />}>
        <SnapshotVerdict id={row.id} />
      </Suspense>
      {ok && (
        <Suspense fallback={<Skeleton label="cost" />}>
          <ImpactPanel id={row.id} previousId={previousId} />
        </Suspense>
      )}
      {ok && (
        <Suspense fallback={<Skeleton label="findings" lines={4} />}>
          <SnapshotFindings id={row.id} />
        </Suspense>
      )}
      {ok && (
        <Suspense fallback={<Skeleton label="details" lines={3} />}>
          <SnapshotDetails id={row.id} />
        </Suspense>
      )}
      {ok && (
        <Card title="Files">
          <Suspense fallback={<Skeleton label="files" lines={8} />}>
            <SnapshotFiles id={row.id} searchParams={searchParams} />
          </Suspense>
        </Card>
      )}
    </div>
  );
}
