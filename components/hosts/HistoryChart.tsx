"use client";

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
import { labelledMarkers } from "./history-range";
import { HistoryTooltip } from "./HistoryTooltip";
import { timeTick } from "./time-tick";

/**
 * Startup coverage over a true time axis (the line) over the fresh/stale/missing shares of all sources, stacked
 * as areas below it; blocked startup modules on a second axis; a dashed numbered line marks each snapshot whose
 * service config, interpreter or findings changed (listed under the chart, so labels never pile up), a red dot
 * each regression. Colours are the theme's variables, so grid, ticks and brush follow light and dark.
 */
const SOURCE_SHARES = [
  { key: "freshShare", name: "fresh (all sources)", color: "#34d399" },
  { key: "staleShare", name: "stale", color: "#f59e0b" },
  { key: "missingShare", name: "missing", color: "#94a3b8" },
] as const;
const INK = "var(--color-slate-600)";
const TICK = { fontSize: 11, fill: INK };

type DotProps = { cx?: number | null; cy?: number | null; payload?: HistoryPoint; index?: number };

/** A dot that is a real link, so a point opens its snapshot by click or keyboard. */
function SnapshotDot({ cx, cy, payload, index }: DotProps) {
  if (cx == null || cy == null || !payload) return <g key={`dot-${index}`} />;
  const title = [`snapshot ${payload.when} UTC`, ...payload.changes].join("\n");
  return (
    <a key={`dot-${payload.id}`} href={`/snapshots/${payload.id}`} aria-label={`Open snapshot ${payload.when} UTC`}>
      <title>{title}</title>
      <circle cx={cx} cy={cy} r={payload.changes.length > 0 ? 5 : 3} fill="#059669" stroke="var(--color-white)" />
    </a>
  );
}

type Props = {
  points: HistoryPoint[];
  /** [from, to] in epoch ms of a range preset; null: the data's own extent. */
  domain: [number, number] | null;
  /** The markers (points with changes or a regression), numbered as in the list below the chart. */
  markers: { point: HistoryPoint; n: number }[];
};

export function HistoryChart({ points, domain, markers }: Props) {
  if (points.length === 0) return <p className="text-sm text-slate-600">No successful snapshot in this range.</p>;
  const from = domain?.[0] ?? points[0]!.t;
  const to = domain?.[1] ?? points[points.length - 1]!.t;
  const span = Math.max(to - from, 1);
  const labelled = labelledMarkers(
    markers.map((m) => m.point.t),
    span,
  );
  return (
    <div className="h-72 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-slate-200)" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={domain ?? ["dataMin", "dataMax"]}
            allowDataOverflow
            tick={TICK}
            stroke={INK}
            tickFormatter={(t: number) => timeTick(t, span)}
            minTickGap={24}
          />
          <YAxis yAxisId="pct" domain={[0, 100]} unit="%" tick={TICK} stroke={INK} width={44} />
          <YAxis yAxisId="blocked" orientation="right" allowDecimals={false} tick={TICK} stroke={INK} width={32} />
          <Tooltip content={<HistoryTooltip />} />
          {markers.map(({ point, n }) => (
            <ReferenceLine
              key={point.id}
              yAxisId="pct"
              x={point.t}
              stroke="#7c3aed"
              strokeDasharray="4 4"
              label={
                labelled.has(point.t)
                  ? { value: String(n), fontSize: 11, fill: "#7c3aed", position: "insideTopLeft" }
                  : undefined
              }
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
                x={p.t}
                y={p.startup!}
                r={6}
                fill="#dc2626"
                stroke="var(--color-white)"
              />
            ))}
          {/* No fixed height: on a phone the legend wraps, and the plot starts below it. */}
          <Legend verticalAlign="top" wrapperStyle={{ fontSize: 11, color: INK, paddingBottom: 4 }} />
          {points.length > 1 && (
            <Brush
              dataKey="t"
              height={20}
              stroke="var(--color-slate-400)"
              fill="var(--color-slate-50)"
              travellerWidth={8}
              tickFormatter={() => ""}
            />
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
