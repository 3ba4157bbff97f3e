import { NewHostForm } from "@/components/hosts/NewHostForm";

export default function NewHostPage() {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Add a host</h1>
      <NewHostForm />
    </div>
  );
}
