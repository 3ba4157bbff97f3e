import type { ProbeResult } from "@/lib/collector/run-probe";

const yes = "text-emerald-700";
const no = "text-red-800";

/** What the probe found on the target: the interpreter, the unit, each app root. Target text rendered as text. */
export function ConnectionReport({ probe, keys }: { probe: ProbeResult; keys: { target: string | null } }) {
  return (
    <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1 text-sm" data-testid="connection-report">
      <dt className="text-slate-500">Logged in as</dt>
      <dd className="font-mono text-xs">{probe.login}</dd>
      {keys.target && (
        <>
          <dt className="text-slate-500">Host key</dt>
          <dd className="font-mono text-xs">{keys.target}</dd>
        </>
      )}
      <dt className="text-slate-500">Python</dt>
      <dd>
        {probe.interpreter.version} <span className="font-mono text-xs">({probe.interpreter.path})</span>
        {probe.interpreter.source === "login" && <span className="text-slate-500"> — the login&apos;s python3</span>}
        {probe.interpreter.trusted === false && (
          <span className={no}> — not run: others can change it (version read from its files)</span>
        )}
      </dd>
      {probe.unit && (
        <>
          <dt className="text-slate-500">Unit</dt>
          <dd className={probe.unit.found ? yes : no}>
            {probe.unit.name}: {probe.unit.found ? `found (${probe.unit.path ?? probe.unit.source})` : "not found"}
          </dd>
        </>
      )}
      {probe.roots.map((root) => (
        <div key={root.path} className="contents">
          <dt className="text-slate-500">App root</dt>
          <dd className={root.readable ? yes : no}>
            <span className="font-mono text-xs">{root.path}</span>:{" "}
            {root.readable ? "readable" : root.exists ? "not readable by this login" : "does not exist"}
          </dd>
        </div>
      ))}
    </dl>
  );
}
