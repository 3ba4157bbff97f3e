import { fixOutcomes, type OutcomeSide } from "@/lib/analysis/impact/fix-outcome";
import { formatRange } from "@/lib/analysis/impact/range";
import { predictionText } from "@/lib/analysis/impact/impact-lines";
import type { SnapshotJson } from "@/lib/snapshot-reads/snapshot-json";
import { Card } from "@/components/ui/Card";
import { loadSnapshotView } from "@/lib/snapshot-reads/load-snapshot-view";
import { RecycleRate } from "./RecycleRate";

const sideOf = (s: SnapshotJson): OutcomeSide => ({
  id: s.id,
  findings: s.findings,
  impact: s.impact,
  startup: s.startup?.counts ?? null,
  measuredMs: s.startup?.cost?.ms ?? null,
});

/** "Does it matter?": the blocked modules' cost per process, per start and per day, and each fix proven against the previous snapshot. */
export async function ImpactPanel({ id, previousId }: { id: string; previousId: string | null }) {
  const snapshot = await loadSnapshotView(id);
  const impact = snapshot.impact;
  if (!impact) return null;
  const previous = previousId ? await loadSnapshotView(previousId) : null;
  const outcomes = previous ? fixOutcomes(sideOf(previous), sideOf(snapshot)) : [];
  const rows: [string, string][] = [
    ["Each process start", `${formatRange(impact.perProcessStartMs, "ms")} compiling the blocked modules (measured)`],
    ["Processes per start", `${impact.processesPerStart.value} (${impact.processesPerStart.source})`],
    [
      "Starts per day",
      impact.startsPerDay ? `${impact.startsPerDay.value} (${impact.startsPerDay.source})` : "unknown",
    ],
    ["CPU-seconds per day", impact.cpuSecondsPerDay ? formatRange(impact.cpuSecondsPerDay, "s") : "not computed"],
    ["Added latency per restart", formatRange(impact.restartLatencyMs, "ms")],
  ];
  return (
    <Card title="What it costs">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="impact">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-500">{label}</dt>
            <dd className="tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {impact.recycling && (
        <div className="mt-3 text-sm">
          <RecycleRate recycling={impact.recycling} perProcessStartMs={impact.perProcessStartMs} />
        </div>
      )}
      {impact.notes.map((note) => (
        <p key={note} className="mt-1 text-sm text-slate-600">
          {note}
        </p>
      ))}
      {outcomes.length > 0 && (
        <div className="mt-4 space-y-1 text-sm" data-testid="fix-outcomes">
          <h3 className="font-semibold">Fixed since the previous snapshot: predicted, then measured</h3>
          {outcomes.map((o) => (
            <p key={o.findingId}>
              <span className="font-mono">{o.findingId}</span>: {predictionText(o.predicted)}; measured:{" "}
              {o.measured.blocked ?? "?"} blocked, startup coverage {o.measured.startupCoverage ?? "?"} %, saves{" "}
              {o.measured.cpuSecondsPerDay ?? "?"} CPU-s/day
              {o.withinPrediction === null
                ? ""
                : o.withinPrediction
                  ? " (as predicted)"
                  : " (outside the predicted range)"}
            </p>
          ))}
        </div>
      )}
    </Card>
  );
}
