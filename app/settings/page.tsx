import { connection } from "next/server";
import { OperationsSettings } from "@/components/settings/OperationsSettings";

export default async function SettingsPage({ searchParams }: PageProps<"/settings">) {
  await connection();
  const { saved, error } = await searchParams;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      {typeof saved === "string" && <p role="status" className="text-sm text-emerald-700">Saved {saved}.</p>}
      {typeof error === "string" && <p role="alert" className="text-sm text-red-700">{error}</p>}
      <OperationsSettings />
    </div>
  );
}
