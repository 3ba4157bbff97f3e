const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** How big the store is and where the snapshots are. */
export function StoreUsage({
  bytes,
  hosts,
}: {
  bytes: number;
  hosts: { hostId: string; name: string; snapshots: number }[];
}) {
  return (
    <div className="space-y-3 text-sm">
      <p>
        Store size: <strong data-testid="store-size">{megabytes(bytes)}</strong> (database and write-ahead log). Run{" "}
        <code>deploylens prune</code> to apply the policy now; the server does it daily.
      </p>
      <table className="w-full max-w-md text-left">
        <thead className="text-xs uppercase text-slate-500">
          <tr>
            <th className="py-1">Host</th>
            <th className="text-right">Snapshots</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {hosts.map((h) => (
            <tr key={h.hostId}>
              <td className="py-1">{h.name}</td>
              <td className="text-right tabular-nums">{h.snapshots}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
