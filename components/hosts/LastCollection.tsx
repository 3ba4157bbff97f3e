import Link from "next/link";
import { SeverityBadge } from "@/components/ui/SeverityBadge";
import type { LatestCollection } from "@/lib/db/queries/host-summaries";

/** The newest collection of a host: when, and whether it worked; a failure shows its code and its reason. */
export function LastCollection({ latest }: { latest: LatestCollection | null }) {
  if (!latest) return <span className="text-slate-500">never collected</span>;
  return (
    <span className="flex flex-col gap-0.5">
      <Link href={`/snapshots/${latest.id}`} className="hover:underline">
        {latest.takenAt.toISOString().replace("T", " ").slice(0, 19)} UTC
      </Link>
      {latest.status === "failed" ? (
        <span>
          <SeverityBadge level="failed">failed: {latest.errorCode}</SeverityBadge>
          {latest.errorMessage && (
            <span className="mt-0.5 block max-w-xs truncate text-red-700 dark:text-red-300" title={latest.errorMessage}>
              {latest.errorMessage}
            </span>
          )}
        </span>
      ) : (
        <span>
          <SeverityBadge level="ok">ok</SeverityBadge>
        </span>
      )}
    </span>
  );
}
