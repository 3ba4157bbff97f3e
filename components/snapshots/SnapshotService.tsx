import { Card } from "@/components/ui/Card";
import { loadSnapshotView } from "./load-snapshot-view";
import { ServiceSummary } from "./ServiceSummary";

export async function SnapshotService({ id }: { id: string }) {
  const snapshot = await loadSnapshotView(id);
  return (
    <Card title="Service and interpreter">
      <ServiceSummary snapshot={snapshot} />
    </Card>
  );
}
