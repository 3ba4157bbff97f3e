import Link from "next/link";
import { connection } from "next/server";
import { GettingStarted } from "@/components/hosts/GettingStarted";
import { HostTable } from "@/components/hosts/HostTable";
import { Card } from "@/components/ui/Card";
import { listHostSummaries } from "@/lib/hosts/list-host-summaries";
import { requirePageRole } from "@/lib/auth/require-page-role";

export default async function HomePage() {
  await requirePageRole("viewer");
  await connection(); // always read the database at request time
  const hosts = await listHostSummaries();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Hosts</h1>
      {hosts.length === 0 ? (
        <GettingStarted />
      ) : (
        <Card
          actions={
            <Link href="/hosts/new" className="text-sm font-medium text-slate-700 hover:underline">
              Add a host
            </Link>
          }
        >
          <HostTable hosts={hosts} />
        </Card>
      )}
    </div>
  );
}
