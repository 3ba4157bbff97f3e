import { notFound } from "next/navigation";
import { HostForm } from "@/components/hosts/HostForm";
import { findHost, toHostView } from "@/lib/db/queries/hosts";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function EditHostPage({ params }: PageProps<"/hosts/[id]/edit">) {
  await requirePageRole("operator");
  const { id } = await params;
  const row = await findHost(id);
  if (!row) notFound();
  // toHostView never carries a secret: the form shows "set" from hasStoredSecret and can only replace it.
  const host = toHostView(row);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Edit {host.name}</h1>
      <HostForm host={host} />
    </div>
  );
}
