"use client";

import {
  CartesianGrid,
  Line,
  ReferenceDot,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { HistoryPoint } from "./history-points";

/**
 * Startup coverage over time (the line), blocked startup modules on a second axis, all-sources coverage
 * faint behind them; a dashed line marks each snapshot whose service configuration changed, a red dot
 * each regression.
 */
const LABELS: Record<string, string> = {
  startup: "startup coverage",
  blocked: "blocked",
  allSources: "coverage (all sources)",
};

export function HistoryChart({ points }: { points: HistoryPoint[] }) {
  if (points.length === 0) return <p className="text-sm text-slate-500">No successful snapshot yet.</p>;
  return (
    <div className="h-64 w-full" data-testid="history-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="when" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="pct" domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
          <YAxis yAxisId="blocked" orientation="right" allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip
            formatter={(value, name) => [
              name === "blocked" ? String(value) : `${String(value)}%`,
              LABELS[String(name)] ?? String(name),
            ]}
          />
          {points
            .filter((p) => p.configChanged)
            .map((p) => (
              <ReferenceLine
                key={p.id}
                yAxisId="pct"
                x={p.when}
                stroke="#7c3aed"
                strokeDasharray="4 4"
                label={{ value: "config changed", fontSize: 11, fill: "#7c3aed", position: "top" }}
              />
            ))}
          <Line
            yAxisId="pct"
            type="monotone"
            dataKey="allSources"
            stroke="#cbd5e1"
            strokeWidth={1}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            yAxisId="pct"
            type="monotone"
            dataKey="startup"
            stroke="#059669"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <Line
            yAxisId="blocked"
            type="stepAfter"
            dataKey="blocked"
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
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
