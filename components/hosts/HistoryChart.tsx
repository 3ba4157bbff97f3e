"use client";

import { useRouter } from "next/navigation";
import {
  Area,
  Brush,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { HistoryPoint } from "./history-points";
import { HistoryTooltip } from "./HistoryTooltip";

/**
 * Startup coverage over time (the line) over the fresh/stale/missing shares of all sources, stacked as areas
 * below it; blocked startup modules are their own series on a second axis; a dashed line marks each snapshot whose service config, interpreter or findings changed
 * (the tooltip says what), a red dot each regression. Each point links to its snapshot; the brush selects a range.
 */
const markerLabel = (changes: string[]) =>
  changes.map((c) => (c.startsWith("service config") ? "config changed" : `${c.split(" ")[0]} changed`)).join(" · ");

/** The stacked areas under the line, bottom up: together they fill 100 % of all sources. */
const SOURCE_SHARES = [
  { key: "freshShare", name: "fresh (all sources)", color: "#34d399" },
  { key: "staleShare", name: "stale", color: "#f59e0b" },
  { key: "missingShare", name: "missing", color: "#94a3b8" },
] as const;

type DotProps = { cx?: number | null; cy?: number | null; payload?: HistoryPoint; index?: number };

/** A dot that is a real link, so a point opens its snapshot by click or keyboard. */
function SnapshotDot({ cx, cy, payload, index }: DotProps) {
  if (cx == null || cy == null || !payload) return <g key={`dot-${index}`} />;
  const title = [`snapshot ${payload.when} UTC`, ...payload.changes].join("\n");
  return (
    <a key={`dot-${payload.id}`} href={`/snapshots/${payload.id}`} aria-label={`Open snapshot ${payload.when} UTC`}>
      <title>{title}</title>
      <circle cx={cx} cy={cy} r={payload.changes.length > 0 ? 5 : 3} fill="#059669" stroke="#fff" />
    </a>
  );
}

export function HistoryChart({ points }: { points: HistoryPoint[] }) {
  const router = useRouter();
  if (points.length === 0) return <p className="text-sm text-slate-500">No successful snapshot yet.</p>;
  const byWhen = new Map(points.map((p) => [p.when, p.id]));
  return (
    <div className="h-72 w-full" data-testid="history-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={points}
          margin={{ top: 16, right: 16, bottom: 8, left: 0 }}
          onClick={(state) => {
            const id = byWhen.get(String(state?.activeLabel ?? ""));
            if (id) router.push(`/snapshots/${id}`);
          }}
          className="cursor-pointer"
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="when" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="pct" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="blocked" orientation="right" allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip content={<HistoryTooltip />} />
          {points
            .filter((p) => p.changes.length > 0)
            .map((p) => (
              <ReferenceLine
                key={p.id}
                yAxisId="pct"
                x={p.when}
                stroke="#7c3aed"
                strokeDasharray="4 4"
                label={{ value: markerLabel(p.changes), fontSize: 11, fill: "#7c3aed", position: "top" }}
              />
            ))}
          {SOURCE_SHARES.map(({ key, name, color }) => (
            <Area
              key={key}
              yAxisId="pct"
              type="monotone"
              stackId="sources"
              dataKey={key}
              name={name}
              stroke={color}
              fill={color}
              fillOpacity={0.25}
              activeDot={false}
              isAnimationActive={false}
            />
          ))}
          <Line
            yAxisId="pct"
            type="monotone"
            dataKey="startup"
            name="startup coverage"
            stroke="#059669"
            strokeWidth={2}
            dot={(props: DotProps) => <SnapshotDot key={`dot-${props.index}`} {...props} />}
            // No hover dot on top of the linked one: it would take the click away from the link.
            activeDot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="blocked"
            type="stepAfter"
            dataKey="blocked"
            name="blocked"
            stroke="#dc2626"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          {points
            .filter((p) => p.regression && p.startup !== null)
            .map((p) => (
              <ReferenceDot
                key={`r-${p.id}`}
                yAxisId="pct"
                x={p.when}
                y={p.startup!}
                r={6}
                fill="#dc2626"
                stroke="#fff"
                label={{ value: "regression", fontSize: 11, fill: "#dc2626", position: "bottom" }}
              />
            ))}
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 11 }} />
          {points.length > 1 && <Brush dataKey="when" height={20} stroke="#94a3b8" tickFormatter={() => ""} />}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
