import type { HostView } from "@/lib/db/queries/hosts";

export function HostDetails({ host }: { host: HostView }) {
  const rows: [string, string | null][] = [
    ["Target", host.target],
    ["Authentication", host.authMethod],
    ["Jump host", host.jump && [host.jump, ...host.jumpChain.map((hop) => hop.jump)].join(" → ")],
    ["Pinned host key", host.hostKeySha256],
    ["App roots", host.appRoots.join("\n")],
    ["systemd unit", host.serviceUnit],
    ["Unit file", host.unitFile],
    ["Interpreter", host.python ?? "from the unit's ExecStart"],
    ["Service user", host.serviceUser ?? "from the unit (else the login)"],
    ["Entry points", host.entryPoints.length ? host.entryPoints.join("\n") : "from the unit's ExecStart"],
    ["Schedule", host.schedule],
    ["Baseline snapshot", host.baselineSnapshotId],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
      {rows
        .filter(([, value]) => value)
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="mb-1 min-w-0 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere] sm:mb-0">
              {value}
            </dd>
          </div>
        ))}
    </dl>
  );
}
