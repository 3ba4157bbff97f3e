"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

type Progress = { phase: string; dirs: number; files: number };
type Done = { snapshotId: string; ok: boolean; code: string | null; message: string | null };

/** Starts a collection and follows its Server-Sent Events until the snapshot is stored. */
export function CollectButton({ hostId }: { hostId: string }) {
  const router = useRouter();
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function collect() {
    setRunning(true);
    setError(null);
    const response = await fetch(`/api/hosts/${hostId}/snapshots`, { method: "POST", headers: { "content-type": "application/json" } });
    const body = (await response.json()) as { data?: { events: string }; error?: { message: string } };
    if (!body.data) {
      setRunning(false);
      return setError(body.error?.message ?? `request failed (${response.status})`);
    }
    const events = new EventSource(body.data.events);
    events.addEventListener("progress", (e) => setProgress(JSON.parse((e as MessageEvent<string>).data) as Progress));
    events.addEventListener("snapshot", (e) => {
      events.close();
      const done = JSON.parse((e as MessageEvent<string>).data) as Done;
      setRunning(false);
      setProgress(null);
      if (!done.ok) setError(`[${done.code}] ${done.message}`);
      router.refresh();
    });
    events.onerror = () => {
      events.close();
      setRunning(false);
      router.refresh();
    };
  }

  return (
    <div className="space-y-2">
      <button onClick={collect} disabled={running} className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50">
        {running ? "Collecting…" : "Collect now"}
      </button>
      {running && (
        <p className="text-sm text-slate-600" aria-live="polite">
          {progress ? `${progress.phase}: ${progress.dirs} directories, ${progress.files} files` : "connecting…"}
        </p>
      )}
      {error && <p role="alert" className="max-w-xl text-sm text-red-800">{error}</p>}
    </div>
  );
}
