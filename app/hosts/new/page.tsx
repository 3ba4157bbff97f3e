import { HostForm } from "@/components/hosts/HostForm";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function NewHostPage({ searchParams }: PageProps<"/hosts/new">) {
  await requirePageRole("operator");
  // The first-run page links here with the choice already made: "This machine" or "Add an SSH host".
  const { transport } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Add a host</h1>
      <p className="max-w-xl text-sm text-slate-600">
        DeployLens only reads on the target: it runs a standard-library Python script with -I -S -B that writes nothing
        and runs none of the target&apos;s code.
      </p>
      <HostForm initialTransport={transport === "ssh" ? "ssh" : "local"} />
    </div>
  );
}
