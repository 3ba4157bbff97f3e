import { connection } from "next/server";
import { ChooseHosts } from "@/components/compare/ChooseHosts";
import { ComparisonHeader } from "@/components/compare/ComparisonHeader";
import { ComparisonView } from "@/components/compare/ComparisonView";
import { listHosts, toHostView } from "@/lib/db/queries/hosts";
import { compareRefs, comparePath } from "@/lib/compare/compare-refs";
import { baseUrl } from "@/lib/base-url";
import { parseCompareView } from "@/lib/compare/view-state";
import { AppError } from "@/lib/errors";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function ComparePage({ searchParams }: PageProps<"/compare">) {
  await requirePageRole("viewer");
  await connection();
  const query = await searchParams;
  const { left, right } = query;
  const hosts = (await listHosts()).map(toHostView);
  const chosen = typeof left === "string" && typeof right === "string";
  const result = chosen
    ? await compareRefs(left, right, baseUrl()).catch((e: unknown) => (e instanceof AppError ? e : Promise.reject(e)))
    : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Compare</h1>
      {hosts.length === 0 ? (
        <p className="text-sm text-slate-600">Add and collect two hosts first.</p>
      ) : (
        <ChooseHosts hosts={hosts} left={chosen ? left : undefined} right={chosen ? right : undefined} />
      )}
      {result instanceof AppError && (
        <p role="alert" className="text-sm text-red-800">
          {result.message}
        </p>
      )}
      {result && !(result instanceof AppError) && (
        <>
          <ComparisonHeader comparison={result.comparison} />
          <ComparisonView
            comparison={result.comparison}
            permalink={comparePath(result.comparison.left.id, result.comparison.right.id)}
            view={parseCompareView(query)}
          />
        </>
      )}
    </div>
  );
}
