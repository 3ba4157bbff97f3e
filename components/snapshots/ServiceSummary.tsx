import type { SnapshotJson } from "@/lib/api/snapshot-json";
import { displayPath } from "@/lib/snapshot/display-path";

/** The effective settings that decide bytecode caching, as key/value text. */
export function ServiceSummary({ snapshot }: { snapshot: SnapshotJson }) {
  const { service, interpreter } = snapshot;
  if (!service) return null;
  const rows: [string, string][] = [
    ["Unit", `${service.unit ?? "(none)"} (from ${service.source})`],
    ["Runs as", `${service.identity.user} (uid ${service.identity.uid}, gid ${service.identity.gid})`],
    ["ExecStart", service.execStart.join(" ")],
    ["WorkingDirectory", service.workingDirectory ?? "–"],
    [
      "Interpreter",
      interpreter
        ? `${interpreter.path} ${interpreter.version} (${interpreter.cacheTag}, -O level ${interpreter.optimize})`
        : "–",
    ],
    ["Pycache prefix", interpreter?.pycachePrefix ?? "none (writes __pycache__ beside sources)"],
    ["Writes bytecode", interpreter ? (interpreter.dontWriteBytecode ? "no" : "yes") : "–"],
    ["ProtectSystem / ProtectHome", `${service.protectSystem} / ${service.protectHome}`],
    ["PrivateTmp", service.privateTmp ? "yes" : "no"],
    ...Object.entries(service.environment).map(([key, value]): [string, string] => [`Environment ${key}`, value]),
  ];
  return (
    <dl className="grid grid-cols-[14rem_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-500">{label}</dt>
          <dd className="break-all font-mono text-xs">{displayPath(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
