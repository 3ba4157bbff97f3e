import { connection } from "next/server";
import { notFound } from "next/navigation";
import { ComparisonView } from "@/components/compare/ComparisonView";
import { SharedComparisonHeader } from "@/components/shares/SharedComparisonHeader";
import { compareStored } from "@/lib/compare/compare-stored";
import { findSnapshot } from "@/lib/db/queries/snapshots";
import { findLiveShare } from "@/lib/shares/shares";

// A public link: this one comparison, read-only, no links into the app; 404 once expired or revoked.
export default async function SharePage({ params }: PageProps<"/share/[token]">) {
  await connection();
  const { token } = await params;
  const share = await findLiveShare(token);
  if (!share) notFound();
  const [left, right] = await Promise.all([findSnapshot(share.leftSnapshotId), findSnapshot(share.rightSnapshotId)]);
  if (left?.status !== "ok" || right?.status !== "ok" || !left.blobSha256 || !right.blobSha256) notFound();
  const comparison = await compareStored(left, right);
  return (
    <div className="space-y-6">
      <SharedComparisonHeader comparison={comparison} expiresAt={share.expiresAt.toISOString()} />
      <ComparisonView comparison={comparison} permalink={null} />
    </div>
  );
}
