import { NewHostForm } from "@/components/hosts/NewHostForm";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function NewHostPage() {
  await requirePageRole("operator");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Add a host</h1>
      <NewHostForm />
    </div>
  );
}
