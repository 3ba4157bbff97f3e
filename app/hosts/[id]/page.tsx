import Link from "next/link";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { COLLECT_STATUS_SLOT, CollectButton } from "@/components/hosts/CollectButton";
import { HostDetails } from "@/components/hosts/HostDetails";
import { HostHistory } from "@/components/hosts/HostHistory";
import { HostSnapshots } from "@/components/hosts/HostSnapshots";
import { ObserveButton } from "@/components/hosts/ObserveButton";
import { historyRange } from "@/components/hosts/history-range";
import { pageParams } from "@/components/hosts/page-params";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { findHostView } from "@/lib/hosts/host-views";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function HostPage({ params, searchParams }: PageProps<"/hosts/[id]">) {
  await requirePageRole("viewer");
  await connection();
  const { id } = await params;
  // The cheap existence check comes before any JSX is streamed, so an unknown host still answers 404.
  const host = await findHostView(id);
  if (!host) notFound();
  const search = await searchParams;
  const paging = pageParams(search);
  const range = historyRange(search.range);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <h1 className="min-w-0 text-2xl font-semibold tracking-tight [overflow-wrap:anywhere]">{host.name}</h1>
        <div className="flex items-center gap-3">
          <Link href={`/hosts/${host.id}/edit`} className="text-sm text-slate-600 hover:underline">
            Edit host
          </Link>
          <ObserveButton hostId={host.id} />
          <CollectButton hostId={host.id} />
        </div>
      </div>
      <div id={COLLECT_STATUS_SLOT} className="empty:hidden" />
      <Suspense fallback={<Skeleton label="history chart" lines={6} />}>
        <HostHistory host={host} range={range} />
      </Suspense>
      <Suspense key={`${paging.page}-${paging.per}`} fallback={<Skeleton label="snapshots" lines={5} />}>
        <HostSnapshots hostId={host.id} paging={paging} />
      </Suspense>
      <Card title="Settings">
        <HostDetails host={host} />
      </Card>
    </div>
  );
}
