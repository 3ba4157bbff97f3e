import type { RunningApp } from "./app";

export type JobFrame = { event: string; data: Record<string, unknown> };

/** A collection job's Server-Sent Events, frame by frame, as the collect button reads them. */
export async function* jobEvents(
  app: Pick<RunningApp, "url">,
  eventsPath: string,
  headers: Record<string, string>,
): AsyncGenerator<JobFrame> {
  const response = await fetch(`${app.url}${eventsPath}`, { headers });
  if (response.status !== 200) throw new Error(`${eventsPath} answered ${response.status}`);
  const decoder = new TextDecoder();
  let buffered = "";
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffered += decoder.decode(read.value, { stream: true });
    for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
      const [eventLine, dataLine] = buffered.slice(0, end).split("\n");
      buffered = buffered.slice(end + 2);
      yield { event: eventLine!.slice("event: ".length), data: JSON.parse(dataLine!.slice("data: ".length)) };
    }
  }
}

/** Starts a collection of a saved host over the API; returns the path of its event stream. */
export async function startCollectionOverApi(
  app: Pick<RunningApp, "url">,
  host: string,
  headers: Record<string, string>,
): Promise<string> {
  const started = await fetch(`${app.url}/api/hosts/${host}/snapshots`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: "{}",
  });
  if (started.status !== 202) throw new Error(`starting the collection answered ${started.status}`);
  const { data } = (await started.json()) as { data: { events: string } };
  return data.events;
}

/** The next frame of the given event (e.g. the first "progress" after the initial "state" frame). */
export async function nextFrameOf(frames: AsyncGenerator<JobFrame>, event: string): Promise<JobFrame> {
  // next() rather than for-await: leaving a for-await loop would close the stream read on afterwards.
  for (let step = await frames.next(); !step.done; step = await frames.next())
    if (step.value.event === event || step.value.event === "snapshot") return step.value;
  throw new Error(`the event stream ended before a ${event} event`);
}
