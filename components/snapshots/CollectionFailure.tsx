import { nextStepFor } from "@/components/hosts/collect-events";
import { SeverityBadge } from "@/components/ui/SeverityBadge";
import type { SnapshotJson } from "@/lib/snapshot-reads/snapshot-json";

/** A failed collection in the verdict's place: what failed (code and message as text) and what to do next. */
export function CollectionFailure({
  error,
  title = "The collection failed",
}: {
  error: NonNullable<SnapshotJson["error"]>;
  title?: string;
}) {
  const where = error.details?.host
    ? ` (${error.details.endpoint === "jump" ? "jump host " : ""}${error.details.host}${error.details.port ? `:${error.details.port}` : ""})`
    : "";
  return (
    <section
      aria-labelledby="failure-title"
      data-testid="verdict"
      className="space-y-2 rounded-lg border border-l-4 border-slate-200 border-l-red-400 bg-white p-5 text-sm shadow-sm"
    >
      <div className="flex flex-col items-start gap-2 sm:flex-row sm:items-baseline sm:gap-3">
        <SeverityBadge level="failed">failed: {error.code}</SeverityBadge>
        <h2 id="failure-title" className="text-lg font-semibold">
          {title}
          {where}
        </h2>
      </div>
      {error.message && <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{error.message}</p>}
      <p>
        <span className="font-semibold">Next step: </span>
        {nextStepFor(error.code)}
      </p>
    </section>
  );
}
