"use client";

import { ScrollBox } from "@/components/ui/ScrollBox";
import { useRouter } from "next/navigation";

type ShareView = {
  id: string;
  left: string;
  right: string;
  createdBy: string | null;
  expiresAt: string;
  state: string;
};

/** Every public link with its state; an active one can be revoked here. */
export function ShareList({ shares }: { shares: ShareView[] }) {
  const router = useRouter();
  async function revoke(id: string) {
    await fetch(`/api/shares/${id}`, { method: "DELETE", headers: { "content-type": "application/json" } });
    router.refresh();
  }
  if (shares.length === 0) return <p className="text-sm text-slate-600">No public links.</p>;
  return (
    <ScrollBox label="Shared links">
      <table className="w-full text-left text-sm" data-testid="share-table">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1">Id</th>
            <th>By</th>
            <th>Expires (UTC)</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.id} className="border-t border-slate-100">
              <td className="py-1 font-mono text-xs">{s.id}</td>
              <td>{s.createdBy ?? "–"}</td>
              <td className="font-mono text-xs">{s.expiresAt.replace("T", " ").slice(0, 16)}</td>
              <td>{s.state}</td>
              <td>
                {s.state === "active" && (
                  <button onClick={() => revoke(s.id)} className="text-red-800 hover:underline">
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
