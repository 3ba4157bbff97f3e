"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { ActionTable } from "@/components/ui/ActionTable";
import type { ShareRowView } from "@/lib/shares/list-share-rows";
import { ConfirmRevoke } from "./ConfirmRevoke";

/** Every public link: which comparison, who made it, until when, its state; an active one can be revoked. */
export function ShareList({ shares }: { shares: ShareRowView[] }) {
  const router = useRouter();
  async function revoke(id: string) {
    await fetch(`/api/shares/${id}`, { method: "DELETE", headers: { "content-type": "application/json" } });
    router.refresh();
  }
  if (shares.length === 0) return <p className="text-sm text-slate-600">No public links.</p>;
  return (
    <ActionTable
      label="Shared links"
      testId="share-table"
      minWidth="min-w-[40rem]"
      headings={["Comparison", "Created by", "Expires (UTC)", "State"]}
    >
      {shares.map((s) => (
        <tr key={s.id} className="border-t border-slate-100 align-top">
          <td className="py-1.5 pr-2">
            <Link href={`/compare/${s.left}/${s.right}`} className="hover:underline">
              {s.comparison}
            </Link>
          </td>
          <td className="pr-2">{s.createdBy ?? "–"}</td>
          <td className="pr-2 font-mono text-xs whitespace-nowrap">{s.expiresAt.replace("T", " ").slice(0, 16)}</td>
          <td className="pr-2">{s.state}</td>
          <td>{s.state === "active" && <ConfirmRevoke onRevoke={() => revoke(s.id)} label="Revoke" />}</td>
        </tr>
      ))}
    </ActionTable>
  );
}
