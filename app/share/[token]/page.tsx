import { connection } from "next/server";
import { notFound } from "next/navigation";
import { ComparisonView } from "@/components/compare/ComparisonView";
import { SharedComparisonHeader } from "@/components/shares/SharedComparisonHeader";
import { findSharedComparison } from "@/lib/shares/shared-comparison";

// A public link: this one comparison, read-only, no links into the app; 404 once expired or revoked.
export default async function SharePage({ params }: PageProps<"/share/[token]">) {
  await connection();
  const { token } = await params;
  const shared = await findSharedComparison(token);
  if (!shared) notFound();
  const { comparison, expiresAt } = shared;
  return (
    <div className="space-y-6">
      <SharedComparisonHeader comparison={comparison} expiresAt={expiresAt.toISOString()} />
      <ComparisonView comparison={comparison} permalink={null} />
    </div>
  );
}
