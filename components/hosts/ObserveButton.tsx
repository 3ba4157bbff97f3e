"use client";

import { useEffect, useRef, useState } from "react";
import { apiFetch, apiSend } from "@/components/api-fetch";

type Observation = { modules: { loaded: string; blocked: boolean }[]; staticMissed: string[]; durationMs: number };
type Watch = { state?: string; directories?: number | null } & Partial<Observation>;

const POLL_MS = 1000;

function summary(o: Observation): string {
  const cached = o.modules.filter((m) => m.loaded === "cache").length;
  const blocked = o.modules.filter((m) => m.blocked).length;
  return (
    `Observed start: ${o.modules.length} modules, ${cached} from cache, ${o.modules.length - cached} compiled, ` +
    `${blocked} blocked; the static closure missed ${o.staticMissed.length}. Collect again to count it.`
  );
}

/** Arms the watches on the target, then tells the user to start the service and shows what the start loaded. */
export function ObserveButton({ hostId }: { hostId: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  async function poll(url: string) {
    const result = await apiFetch<Watch>(url).catch(() => null);
    if (result?.status === 202) {
      const n = result.data?.directories;
      setStatus(n ? `Watching ${n} directories: start the service now.` : "Arming the watches…");
      timer.current = setTimeout(() => void poll(url), POLL_MS);
      return;
    }
    setBusy(false);
    setStatus(
      result?.data?.modules
        ? summary(result.data as Observation)
        : (result?.error?.message ?? "The observation failed."),
    );
  }

  async function observe() {
    setBusy(true);
    setStatus("Arming the watches…");
    const result = await apiSend<{ url: string }>(`/api/hosts/${hostId}/observations`, "POST", {}).catch(() => null);
    if (result?.data) return poll(result.data.url);
    setBusy(false);
    setStatus(result?.error?.message ?? "Could not start the observation.");
  }

  return (
    <div className="space-y-1 text-sm">
      <button
        onClick={observe}
        disabled={busy}
        className="rounded border border-slate-300 px-3 py-2 font-medium hover:bg-slate-50 disabled:opacity-50"
      >
        {busy ? "Observing…" : "Observe next start"}
      </button>
      {status && (
        <p className="max-w-xs text-slate-600" data-testid="observe-status">
          {status}
        </p>
      )}
    </div>
  );
}
