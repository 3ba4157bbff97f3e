import Link from "next/link";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { FileExplorer } from "@/components/snapshots/FileExplorer";
import { FindingCard } from "@/components/snapshots/FindingCard";
import { RootCoverage } from "@/components/snapshots/RootCoverage";
import { ServiceSummary } from "@/components/snapshots/ServiceSummary";
import { StartupSummary } from "@/components/snapshots/StartupSummary";
import { Card } from "@/components/ui/Card";
import { SeverityBadge } from "@/components/ui/SeverityBadge";
import { baseUrl } from "@/lib/base-url";
import { findPreviousOkSnapshot, findSnapshot } from "@/lib/db/queries/snapshots";
import { comparePath } from "@/lib/compare/compare-refs";
import { cachingVerdict } from "@/lib/analysis/caching-verdict";
import { toSnapshotInput } from "@/lib/db/load-snapshot";
import { toSnapshotJson } from "@/lib/api/snapshot-json";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function SnapshotPage({ params }: PageProps<"/snapshots/[id]">) {
  await requirePageRole("viewer");
  await connection();
  const { id } = await params;
  const row = await findSnapshot(id);
  if (!row) notFound();
  const snapshot = toSnapshotJson(row, await toSnapshotInput(row), baseUrl());
  const previous = row.status === "ok" ? await findPreviousOkSnapshot(row.hostId, row.takenAt) : null;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href={`/hosts/${row.hostId}`} className="hover:underline">
            {snapshot.host}
          </Link>
        </p>
        <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
          Snapshot {snapshot.takenAt.replace("T", " ").slice(0, 19)} UTC
          <SeverityBadge level={snapshot.status === "ok" ? "ok" : "failed"}>{snapshot.status}</SeverityBadge>
        </h1>
        {previous && (
          <p className="mt-1 text-sm">
            <Link href={comparePath(previous.id, row.id)} className="text-slate-600 hover:underline">
              Compare with the previous snapshot
            </Link>
          </p>
        )}
      </div>
      {snapshot.error && (
        <Card title={`Collection failed: ${snapshot.error.code}`}>
          <p className="whitespace-pre-wrap text-sm">{snapshot.error.message}</p>
        </Card>
      )}
      {snapshot.startup && (
        <Card title="Startup coverage">
          <StartupSummary startup={snapshot.startup} />
        </Card>
      )}
      {snapshot.coverage && (
        <Card title="Bytecode cache coverage (all sources)">
          <RootCoverage roots={snapshot.roots} />
        </Card>
      )}
      {snapshot.status === "ok" && (
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">Findings</h2>
          {snapshot.findings.length === 0 ? (
            <p className="text-sm text-slate-600">{cachingVerdict([], snapshot.startup?.counts ?? null)}</p>
          ) : (
            snapshot.findings.map((f) => <FindingCard key={f.id} finding={f} />)
          )}
        </section>
      )}
      <Card title="Service and interpreter">
        <ServiceSummary snapshot={snapshot} />
      </Card>
      {snapshot.status === "ok" && (
        <Card title="Files">
          <Suspense fallback={<p className="text-sm text-slate-600">Loading files…</p>}>
            <FileExplorer snapshotId={row.id} />
          </Suspense>
        </Card>
      )}
    </div>
  );
}
