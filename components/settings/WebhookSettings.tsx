import { ScrollBox } from "@/components/ui/ScrollBox";
import type { WebhookDelivery } from "@/lib/db/queries/webhooks";
import { saveWebhook } from "./operations-actions";

/** Where regressions are POSTed; the URL itself is never shown again once saved (it may hold a token). */
export function WebhookSettings({ configured, deliveries }: { configured: boolean; deliveries: WebhookDelivery[] }) {
  return (
    <div className="space-y-4 text-sm">
      <form action={saveWebhook} className="flex flex-wrap items-center gap-2" data-testid="webhook-form">
        <input
          name="url"
          type="url"
          placeholder={configured ? "(set — enter a new URL to replace it)" : "https://hooks.slack.com/services/…"}
          aria-label="Webhook URL"
          className="min-w-0 flex-1 basis-64 rounded border border-slate-300 px-2 py-1"
        />
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 font-medium text-white">
          Save webhook
        </button>
      </form>
      <p className="text-slate-600">
        {configured
          ? "A webhook is set. Saving an empty field removes it."
          : "No webhook: regressions are only marked in the dashboard."}
      </p>
      {deliveries.length > 0 && (
        <ScrollBox label="Webhooks">
          <table className="w-full text-left text-xs">
            <thead className="uppercase text-slate-500">
              <tr>
                <th className="py-1">When (UTC)</th>
                <th>Host</th>
                <th>Snapshot</th>
                <th>Attempt</th>
                <th>Outcome</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td className="py-1">{d.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                  <td>{d.hostName}</td>
                  <td className="font-mono">{d.snapshotId}</td>
                  <td>{d.attempt}</td>
                  <td>
                    {d.outcome}
                    {d.error ? `: ${d.error}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </div>
  );
}
