"use client";

import { useEffect, useState } from "react";
import { COLLECT_PHASES, type CollectProgress } from "./collect-events";

/** Phase (as a step of the collector's known phases), files scanned and elapsed time of a running collection. */
export function CollectProgressBar({ progress, startedAt }: { progress: CollectProgress | null; startedAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const step = progress ? Math.max(0, COLLECT_PHASES.indexOf(progress.phase)) : 0;
  const percent = Math.round(((step + 1) / (COLLECT_PHASES.length + 1)) * 100);
  const elapsed = ((now - startedAt) / 1000).toFixed(1);
  return (
    <div className="max-w-xl space-y-1" aria-live="polite">
      <div
        role="progressbar"
        aria-label="Collection progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full bg-sky-800 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm text-slate-600">
        {progress
          ? `${progress.phase}: ${progress.files.toLocaleString("en")} files in ${progress.dirs.toLocaleString("en")} directories`
          : "connecting…"}{" "}
        · {elapsed} s
      </p>
    </div>
  );
}
