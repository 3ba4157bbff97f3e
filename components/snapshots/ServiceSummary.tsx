import { COMPILE_VARIABLES, environmentDrift } from "@/lib/analysis/diagnostics/support/process-drift";
import { targetCostText } from "@/lib/analysis/target-cost";
import type { SnapshotJson } from "@/lib/snapshot-reads/snapshot-json";
import { displayPath } from "@/lib/snapshot/display-path";

const plural = (n: number, word: string, many: string) => `${n} ${n === 1 ? word : many}`;

/** What the interpreter does with the pycs it compiles: whether it tries to write them, and where that fails. */
function bytecodeWriting(snapshot: SnapshotJson): string {
  const { interpreter, findings } = snapshot;
  if (!interpreter) return "–";
  if (interpreter.dontWriteBytecode) return "disabled (-B or PYTHONDONTWRITEBYTECODE): nothing is written anywhere";
  const owners = findings.filter((f) => f.blocking);
  const failing = owners.reduce((n, f) => n + (f.blocking?.directories ?? 0), 0);
  if (failing === 0) return "-B not set: pycs are written where they are missing or stale";
  return `-B not set, but writing fails in ${plural(failing, "directory", "directories")} (${owners.map((f) => f.id).join(", ")})`;
}

/** The effective settings that decide bytecode caching, as key/value text. */
export function ServiceSummary({ snapshot }: { snapshot: SnapshotJson }) {
  const { service, interpreter } = snapshot;
  if (!service) return null;
  // Differences that cannot change compilation are no finding (restart-pending), but still worth seeing here.
  const otherDrift = environmentDrift(service, (key) => !COMPILE_VARIABLES.has(key));
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
    ["Bytecode writing", bytecodeWriting(snapshot)],
    ["ProtectSystem / ProtectHome", `${service.protectSystem} / ${service.protectHome}`],
    ["PrivateTmp", service.privateTmp ? "yes" : "no"],
    ...Object.entries(service.environment).map(([key, value]): [string, string] => [`Environment ${key}`, value]),
    ...otherDrift.map(({ label, value }): [string, string] => [`${label} (no effect on bytecode)`, value]),
  ];
  const cost = targetCostText(snapshot.targetCost, snapshot.durationMs);
  if (cost) rows.push(["Collection on the target", cost]);
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[14rem_1fr]" data-testid="service-summary">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-slate-600">{label}</dt>
          <dd className="mb-1 font-mono text-xs [overflow-wrap:anywhere] sm:mb-0">{displayPath(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
