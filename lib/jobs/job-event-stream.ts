import "server-only";
import type { ProgressEvent } from "@/lib/snapshot/collector-events";
import type { CollectResult } from "./collect-host";
import type { Job } from "./collection-queue";

const encoder = new TextEncoder();
const frame = (event: string, data: unknown) => encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);

/** The job's progress as an SSE stream: the latest progress at once, every update, then the snapshot. */
export function jobEventStream(job: Job, signal: AbortSignal): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream({
    start(controller) {
      const onProgress = (event: ProgressEvent) => controller.enqueue(frame("progress", event));
      const onDone = (result: CollectResult) => {
        controller.enqueue(frame("snapshot", result));
        cleanup();
        controller.close();
      };
      cleanup = () => {
        job.events.off("progress", onProgress);
        job.events.off("done", onDone);
      };
      if (job.result) return onDone(job.result);
      controller.enqueue(frame("state", { state: job.state, host: job.hostName }));
      if (job.progress) onProgress(job.progress);
      job.events.on("progress", onProgress);
      job.events.once("done", onDone);
      signal.addEventListener("abort", () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}
