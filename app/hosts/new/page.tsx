import { NewHostForm } from "@/components/hosts/NewHostForm";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function NewHostPage({ searchParams }: PageProps<"/hosts/new">) {
  await requirePageRole("operator");
  // The first-run page links here with the choice already made: "This machine" or "Add an SSH host".
  const { transport } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Add a host</h1>
      <NewHostForm initialTransport={transport === "ssh" ? "ssh" : "local"} />
    </div>
  );
}
