"use client";

import { CartesianGrid, Line, ReferenceDot, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { HistoryPoint } from "./history-points";

/** Cache coverage over time; a dashed line marks each configuration change, a red dot each regression. */
export function HistoryChart({ points }: { points: HistoryPoint[] }) {
  if (points.length === 0) return <p className="text-sm text-slate-500">No successful snapshot yet.</p>;
  return (
    <div className="h-64 w-full" data-testid="history-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="when" tick={{ fontSize: 11 }} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
          <Tooltip formatter={(value) => [`${String(value)}%`, "coverage"]} />
          {points
            .filter((p) => p.configChanged)
            .map((p) => (
              <ReferenceLine key={p.id} x={p.when} stroke="#7c3aed" strokeDasharray="4 4" label={{ value: "config changed", fontSize: 11, fill: "#7c3aed", position: "top" }} />
            ))}
          {points
            .filter((p) => p.regression)
            .map((p) => (
              <ReferenceDot key={`r-${p.id}`} x={p.when} y={p.coverage} r={6} fill="#dc2626" stroke="#fff" label={{ value: "regression", fontSize: 11, fill: "#dc2626", position: "bottom" }} />
            ))}
          <Line type="monotone" dataKey="coverage" stroke="#059669" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
