import { connection } from "next/server";
import { Suspense } from "react";
import { ChooseHosts } from "@/components/compare/ChooseHosts";
import { ResolvedComparison } from "@/components/compare/ResolvedComparison";
import { Skeleton } from "@/components/ui/Skeleton";
import { listHosts, toHostView } from "@/lib/db/queries/hosts";
import { parseCompareView } from "@/lib/compare/view-state";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function ComparePage({ searchParams }: PageProps<"/compare">) {
  await requirePageRole("viewer");
  await connection();
  const query = await searchParams;
  const { left, right } = query;
  const hosts = (await listHosts()).map(toHostView);
  const chosen = typeof left === "string" && typeof right === "string";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Compare</h1>
      {hosts.length === 0 ? (
        <p className="text-sm text-slate-600">Add and collect two hosts first.</p>
      ) : (
        <ChooseHosts hosts={hosts} left={chosen ? left : undefined} right={chosen ? right : undefined} />
      )}
      {chosen && (
        <Suspense key={`${left} ${right}`} fallback={<Skeleton label="comparison" lines={10} />}>
          <ResolvedComparison left={left} right={right} view={parseCompareView(query)} />
        </Suspense>
      )}
    </div>
  );
}
