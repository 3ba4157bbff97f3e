import type { SnapshotJson } from "@/lib/snapshot-reads/snapshot-json";
import { coveragePercent } from "@/lib/analysis/coverage-percent";
import { startupHeadline } from "@/lib/analysis/startup-coverage";
import { displayPath } from "@/lib/snapshot/display-path";

const SHOWN = 50;

/** The snapshot's headline: startup coverage and blocked modules, where they came from, and what was not followed. */
export function StartupSummary({ startup }: { startup: NonNullable<SnapshotJson["startup"]> }) {
  const c = startup.counts;
  const blocked = startup.modules.filter((m) => m.blocked);
  return (
    <div className="space-y-2 text-sm" data-testid="startup-summary">
      <p className="text-2xl font-semibold tabular-nums">
        {startupHeadline({ ...c, percent: coveragePercent(c.fresh, c.modules) })}
      </p>
      <p className="text-slate-600">
        <span data-testid="startup-origin">
          {startup.origin === "observed" ? "Observed at a real start of the service" : "Static closure"}
        </span>
        {" · "}
        Entry points ({startup.entryPointsFrom}):{" "}
        <span className="font-mono">{startup.entryPoints.join(", ") || "none"}</span>
        {startup.cost &&
          ` · compiling the blocked modules costs ${startup.cost.ms} ms at every start${startup.cost.capped ? " (capped)" : ""}`}
      </p>
      {startup.notes.map((note) => (
        <p key={note} className="text-slate-600">
          {note}
        </p>
      ))}
      {startup.unresolved.length > 0 && (
        <p className="text-slate-600">
          Not resolved (dynamic or missing): <span className="font-mono">{startup.unresolved.join(", ")}</span>
        </p>
      )}
      {startup.unparsed.length > 0 && (
        <p className="text-slate-600">
          Could not parse:{" "}
          <span className="font-mono">{startup.unparsed.map((u) => displayPath(u.path)).join(", ")}</span>
        </p>
      )}
      {blocked.length > 0 && (
        <ul className="font-mono text-xs text-slate-700">
          {blocked.slice(0, SHOWN).map((m) => (
            <li key={m.name}>
              {m.name}{" "}
              <span className="text-slate-500">
                {m.status} · {displayPath(m.path)}
              </span>
            </li>
          ))}
          {blocked.length > SHOWN && <li>… {blocked.length - SHOWN} more blocked</li>}
        </ul>
      )}
    </div>
  );
}
