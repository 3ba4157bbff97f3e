import { notFound } from "next/navigation";
import { HostForm } from "@/components/hosts/HostForm";
import { findHostView } from "@/lib/hosts/host-views";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function EditHostPage({ params }: PageProps<"/hosts/[id]/edit">) {
  await requirePageRole("operator");
  const { id } = await params;
  // A host view never carries a secret: the form shows "set" from hasStoredSecret and can only replace it.
  const host = await findHostView(id);
  if (!host) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {host.name}</h1>
      <HostForm host={host} />
    </div>
  );
}
