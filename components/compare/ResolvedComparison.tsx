import { baseUrl } from "@/lib/base-url";
import { compareRefs, comparePath } from "@/lib/compare/compare-refs";
import type { CompareView } from "@/lib/compare/view-state";
import { AppError } from "@/lib/errors";
import { ComparisonHeader } from "./ComparisonHeader";
import { ComparisonView } from "./ComparisonView";

type Props = { left: string; right: string; view: CompareView };

/** `?left=HOST&right=HOST`: the latest snapshots of each, compared; a ref that resolves to nothing says why. */
export async function ResolvedComparison({ left, right, view }: Props) {
  const result = await compareRefs(left, right, baseUrl()).catch((e: unknown) =>
    e instanceof AppError ? e : Promise.reject(e),
  );
  if (result instanceof AppError)
    return (
      <p role="alert" className="text-sm text-red-800">
        {result.message}
      </p>
    );
  const { comparison } = result;
  return (
    <>
      <ComparisonHeader comparison={comparison} />
      <ComparisonView
        comparison={comparison}
        permalink={comparePath(comparison.left.id, comparison.right.id)}
        view={view}
      />
    </>
  );
}
