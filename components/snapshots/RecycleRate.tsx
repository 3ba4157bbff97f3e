"use client";

import { useState } from "react";
import { formatRange, scaleRange } from "@/lib/analysis/impact/range";
import type { Impact } from "@/lib/analysis/impact/types";

type Props = { recycling: NonNullable<Impact["recycling"]>; perProcessStartMs: Impact["perProcessStartMs"] };

/** Recycled workers: the formula with the user's own request rate (default only from the journal's access log). */
export function RecycleRate({ recycling, perProcessStartMs }: Props) {
  const [rate, setRate] = useState(recycling.requestsPerDay ? String(recycling.requestsPerDay.value) : "");
  const divisor = recycling.maxRequests + recycling.jitter / 2;
  const requests = rate.trim() === "" ? null : Number(rate);
  const valid = requests !== null && Number.isFinite(requests) && requests >= 0;
  const recycles = valid ? requests / divisor : null;
  return (
    <div className="space-y-1" data-testid="recycle-rate">
      <label className="flex flex-wrap items-center gap-2">
        Requests per day
        <input
          type="number"
          min={0}
          value={rate}
          onChange={(e) => setRate(e.target.value)}
          className="w-36 rounded border border-slate-300 px-2 py-1 tabular-nums"
          aria-label="Requests per day"
        />
        <span className="text-slate-500">
          {recycling.requestsPerDay && rate === String(recycling.requestsPerDay.value)
            ? `(${recycling.requestsPerDay.source})`
            : "(your own rate)"}
        </span>
      </label>
      <p className="text-slate-600">
        requests per day / ({recycling.maxRequests} max-requests + {recycling.jitter} jitter / 2) = recycled workers per
        day
        {recycles !== null &&
          ` = ${Math.round(recycles * 100) / 100}, each paying ${formatRange(perProcessStartMs, "ms")}: ${formatRange(scaleRange(perProcessStartMs, recycles / 1000), "CPU-s/day")}`}
      </p>
    </div>
  );
}
