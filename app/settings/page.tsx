import Link from "next/link";
import { connection } from "next/server";
import { OperationsSettings } from "@/components/settings/OperationsSettings";
import { AuditTable } from "@/components/audit/AuditTable";
import { ShareList } from "@/components/shares/ShareList";
import { Card } from "@/components/ui/Card";
import { UserAdmin } from "@/components/users/UserAdmin";
import { listUserViews } from "@/lib/auth/user-views";
import { listAuditPage } from "@/lib/audit/list-audit-page";
import { requirePageRole } from "@/lib/auth/require-page-role";
import { listShareRows } from "@/lib/shares/list-share-rows";

// Admin settings: public links (revocable) and the audit log, newest first, 50 a page.
export default async function SettingsPage({ searchParams }: PageProps<"/settings">) {
  const admin = await requirePageRole("admin");
  await connection();
  const { before, saved, error } = await searchParams;
  const [page, shares, users] = await Promise.all([
    listAuditPage({ before: typeof before === "string" ? before : undefined }),
    listShareRows(),
    listUserViews(),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
      {typeof saved === "string" && (
        <p role="status" className="text-sm text-emerald-800">
          Saved {saved}.
        </p>
      )}
      {typeof error === "string" && (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      )}
      <Card title="Users and roles">
        <UserAdmin users={users} self={admin.name} />
      </Card>
      <OperationsSettings />
      <Card title="Public links">
        <ShareList shares={shares} />
      </Card>
      <Card title="Audit log">
        <AuditTable events={page.events} />
        {page.next && (
          <Link href={`/settings?before=${page.next}`} className="mt-3 inline-block text-sm underline">
            Older events
          </Link>
        )}
      </Card>
    </div>
  );
}
