import { ScrollBox } from "@/components/ui/ScrollBox";
import type { toAuditView } from "@/lib/audit/list-audit-page";

type AuditView = ReturnType<typeof toAuditView>;

/** The audit log as stored: one row an event, newest first. */
export function AuditTable({ events }: { events: AuditView[] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">No events yet.</p>;
  return (
    <ScrollBox label="Audit log">
      <table className="w-full text-left text-sm" data-testid="audit-table">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1">Time (UTC)</th>
            <th>Actor</th>
            <th>Address</th>
            <th>Event</th>
            <th>Object</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} className="border-t border-slate-100">
              <td className="py-1 font-mono text-xs">{e.at.replace("T", " ").slice(0, 19)}</td>
              <td>{e.actor ?? "–"}</td>
              <td className="font-mono text-xs">{e.address ?? "–"}</td>
              <td>{e.action}</td>
              <td>{e.object ? `${e.object.type} ${e.object.id}` : "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
