export type JobOutcome = { snapshotId: string; ok: boolean; code: string | null; message: string | null };

/** Reads the job's Server-Sent Events until the "snapshot" event and returns its data. */
export async function followJob(url: string, headers: Record<string, string> = {}): Promise<JobOutcome> {
  const response = await fetch(url, { headers: { ...headers, accept: "text/event-stream" } });
  if (!response.ok || !response.body) throw new Error(`GET ${url} answered ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = "";
  const reader = response.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    buffer += decoder.decode(chunk.value, { stream: true });
    for (let end = buffer.indexOf("\n\n"); end !== -1; end = buffer.indexOf("\n\n")) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1];
      const data = /^data: (.*)$/m.exec(frame)?.[1];
      if (event === "snapshot" && data) {
        await reader.cancel();
        return JSON.parse(data) as JobOutcome;
      }
    }
  }
  throw new Error(`the event stream ${url} ended without a snapshot event`);
}
