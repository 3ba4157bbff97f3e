import { connection } from "next/server";
import { notFound } from "next/navigation";
import { ComparisonView } from "@/components/compare/ComparisonView";
import { SharedComparisonHeader } from "@/components/shares/SharedComparisonHeader";
import { compare } from "@/lib/compare/compare";
import { findSnapshot } from "@/lib/db/queries/snapshots";
import { findLiveShare } from "@/lib/shares/shares";
import { toSnapshotInput } from "@/lib/db/load-snapshot";

// A public link: this one comparison, read-only, no links into the app; 404 once expired or revoked.
export default async function SharePage({ params }: PageProps<"/share/[token]">) {
  await connection();
  const { token } = await params;
  const share = await findLiveShare(token);
  if (!share) notFound();
  const [left, right] = await Promise.all([findSnapshot(share.leftSnapshotId), findSnapshot(share.rightSnapshotId)]);
  const [leftInput, rightInput] = await Promise.all([left && toSnapshotInput(left), right && toSnapshotInput(right)]);
  if (!leftInput || !rightInput) notFound();
  const comparison = compare(leftInput, rightInput);
  return (
    <div className="space-y-6">
      <SharedComparisonHeader comparison={comparison} expiresAt={share.expiresAt.toISOString()} />
      <ComparisonView comparison={comparison} permalink={null} />
    </div>
  );
}
