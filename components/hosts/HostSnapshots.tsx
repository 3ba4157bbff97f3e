import Link from "next/link";
import { Card } from "@/components/ui/Card";
import { listHostSnapshotPage } from "@/lib/snapshot-reads/host-snapshots";
import { Pagination } from "./Pagination";
import { SnapshotTable } from "./SnapshotTable";
import { SNAPSHOTS_PER_PAGE, type pageParams } from "./page-params";

/** The host page's snapshot list: one page of all snapshots, newest first. */
export async function HostSnapshots({ hostId, paging }: { hostId: string; paging: ReturnType<typeof pageParams> }) {
  const { page, per, skip } = paging;
  const { listed, total } = await listHostSnapshotPage(hostId, { skip, take: per });
  return (
    <Card title="Snapshots">
      {listed.length === 0 && total > 0 ? (
        <p className="text-sm text-slate-500">
          No snapshots on page {page}: <Link href={`/hosts/${hostId}`}>see the newest</Link>.
        </p>
      ) : (
        <SnapshotTable snapshots={listed} />
      )}
      <Pagination
        basePath={`/hosts/${hostId}`}
        page={page}
        pages={Math.ceil(total / per)}
        per={per}
        defaultPer={SNAPSHOTS_PER_PAGE}
      />
    </Card>
  );
}
