"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { apiSend } from "@/components/api-fetch";
import { type CollectDone, type CollectProgress, nextStepFor } from "./collect-events";
import { CollectProgressBar } from "./CollectProgressBar";

type Failure = { code: string | null; message: string };

async function startJob(hostId: string): Promise<string> {
  const result = await apiSend<{ events: string }>(`/api/hosts/${hostId}/snapshots`, "POST", {});
  if (result.data) return result.data.events;
  throw Object.assign(new Error(result.error?.message ?? `the server answered ${result.status}`), {
    code: result.error?.code ?? null,
  });
}

/** The id of the element, below a page's header, where a collection's progress and errors appear. */
export const COLLECT_STATUS_SLOT = "collect-status";

/** Starts a collection, follows its Server-Sent Events to the end, and never stays stuck when the network fails. */
export function CollectButton({ hostId }: { hostId: string }) {
  const router = useRouter();
  const [progress, setProgress] = useState<CollectProgress | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const source = useRef<EventSource | null>(null);
  // Progress and errors go to the page's status slot below the header, so the header never reflows.
  const [slot, setSlot] = useState<HTMLElement | null>(null);
  useEffect(() => setSlot(document.getElementById(COLLECT_STATUS_SLOT)), []);
  useEffect(() => () => source.current?.close(), []);

  function finish(result: Failure | null) {
    source.current?.close();
    source.current = null;
    setStartedAt(null);
    setProgress(null);
    setFailure(result);
    router.refresh();
  }

  async function collect() {
    setFailure(null);
    setStartedAt(Date.now());
    try {
      const events = new EventSource(await startJob(hostId));
      source.current = events;
      events.addEventListener("progress", (e) =>
        setProgress(JSON.parse((e as MessageEvent<string>).data) as CollectProgress),
      );
      events.addEventListener("snapshot", (e) => {
        const done = JSON.parse((e as MessageEvent<string>).data) as CollectDone;
        // A stored failure is shown by the refreshed page (with its next step); only say it here when none was stored.
        const stored = done.ok || done.snapshotId !== "";
        finish(stored ? null : { code: done.code, message: done.message ?? "the collection failed" });
      });
      events.onerror = () =>
        finish({
          code: "dashboard-connection-lost",
          message:
            "Lost the connection to the dashboard while collecting; the collection may still finish — reload to see it.",
        });
    } catch (error) {
      const code = (error as { code?: string | null }).code ?? "request-failed";
      finish({
        code,
        message: `Could not start the collection: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  }

  const running = startedAt !== null;
  const status = (
    <>
      {running && <CollectProgressBar progress={progress} startedAt={startedAt} />}
      {failure && (
        <div role="alert" className="space-y-1 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          <p className="font-mono text-xs">{failure.code}</p>
          <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{failure.message}</p>
          <p>{nextStepFor(failure.code)}</p>
        </div>
      )}
    </>
  );
  return (
    <>
      <button
        onClick={collect}
        disabled={running}
        className="rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-50"
      >
        {running ? "Collecting…" : "Collect now"}
      </button>
      {slot ? createPortal(status, slot) : status}
    </>
  );
}
