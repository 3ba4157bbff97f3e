import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Suspense } from "react";
import { ChooseHosts } from "@/components/compare/ChooseHosts";
import { ResolvedComparison } from "@/components/compare/ResolvedComparison";
import { Skeleton } from "@/components/ui/Skeleton";
import { listHostViews } from "@/lib/hosts/host-views";
import { otherHostToCompare } from "@/lib/compare/other-host";
import { parseCompareView } from "@/lib/compare/view-state";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function ComparePage({ searchParams }: PageProps<"/compare">) {
  await requirePageRole("viewer");
  await connection();
  const query = await searchParams;
  const { left, right } = query;
  // "Compare with…" names only its own host: the other side is the most recently collected other host.
  if (typeof left === "string" && right === undefined) {
    const other = await otherHostToCompare(left);
    if (other) redirect(`/compare?left=${encodeURIComponent(left)}&right=${encodeURIComponent(other)}`);
  }
  const hosts = await listHostViews();
  const chosen = typeof left === "string" && typeof right === "string";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Compare</h1>
      {hosts.length === 0 ? (
        <p className="text-sm text-slate-600">Add and collect two hosts first.</p>
      ) : (
        <ChooseHosts
          hosts={hosts}
          left={typeof left === "string" ? left : undefined}
          right={typeof right === "string" ? right : undefined}
        />
      )}
      {chosen && (
        <Suspense key={`${left} ${right}`} fallback={<Skeleton label="comparison" lines={10} />}>
          <ResolvedComparison left={left} right={right} view={parseCompareView(query)} />
        </Suspense>
      )}
    </div>
  );
}
