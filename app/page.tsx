import Link from "next/link";
import { connection } from "next/server";
import { GettingStarted } from "@/components/hosts/GettingStarted";
import { HostPager } from "@/components/hosts/HostPager";
import { HostSearch } from "@/components/hosts/HostSearch";
import { HostTable } from "@/components/hosts/HostTable";
import { hostListParams } from "@/components/hosts/host-list-params";
import { Card } from "@/components/ui/Card";
import { listHostSummaries } from "@/lib/hosts/list-host-summaries";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function HomePage({ searchParams }: PageProps<"/">) {
  await requirePageRole("viewer");
  await connection(); // always read the database at request time
  const { q, page, skip, take } = hostListParams(await searchParams);
  const { rows, hasMore } = await listHostSummaries({ search: q, skip, take });
  const empty = rows.length === 0 && !q && page === 1;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Hosts</h1>
      {empty ? (
        <GettingStarted />
      ) : (
        <Card
          actions={
            <Link href="/hosts/new" className="text-sm font-medium text-slate-700 hover:underline">
              Add a host
            </Link>
          }
        >
          <HostSearch q={q} />
          {rows.length === 0 ? <p className="mt-4 text-sm text-slate-500">No host on this page matches.</p> : null}
          {rows.length > 0 ? <HostTable hosts={rows} /> : null}
          <HostPager q={q} page={page} hasMore={hasMore} shown={rows.length} />
        </Card>
      )}
    </div>
  );
}
