import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { MAX_LINE_BYTES } from "@/lib/collector/max-line-bytes";
import { ensureBuilt } from "../../scripts/ensure-built.mjs";
import type { RunningApp } from "../support/app";
import { longLinePython } from "../support/fixtures/long-line-python";
import { jobEvents, nextFrameOf, startCollectionOverApi, type JobFrame } from "../support/job-events";
import { startSignedInApp } from "../support/session";
import { tempDir } from "../support/temp-dir";

// The dashboard (next start) collects "this machine", whose python3 is the collecting user's own program: it
// streams one endless JSON line, slowly. Other requests keep answering within a second while it streams, and the
// collection ends as collector-output-invalid naming the one-line limit, long before the 256 MiB output cap.

const ROOT = path.resolve(import.meta.dirname, "../..");
const temp = tempDir("deploylens-line-cap-app-");
let app: RunningApp | undefined;
let headers: Record<string, string>;

beforeAll(async () => {
  ensureBuilt(ROOT);
  const bin = longLinePython(temp.dir, { mib: 300, pauseSeconds: 0.05 });
  ({ app, headers } = await startSignedInApp({ env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` } }));
  const created = await fetch(`${app.url}/api/hosts`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ transport: "local", name: "long-line", appRoots: [temp.dir], measureStartup: false }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
}, 900_000);

afterAll(async () => {
  await app?.stop();
  temp.remove();
});

async function outcomeOf(frames: AsyncGenerator<JobFrame>): Promise<Record<string, unknown>> {
  for await (const frame of frames) if (frame.event === "snapshot") return frame.data;
  throw new Error("the event stream ended without a snapshot event");
}

test("one endless output line: the dashboard keeps answering, the collection fails naming the limit", async () => {
  await fetch(`${app!.url}/api/hosts`, { headers }); // the route's code is loaded before timing it
  const frames = jobEvents(app!, await startCollectionOverApi(app!, "long-line", headers), headers);
  // The first line is a progress event; the endless one follows it.
  const first = await nextFrameOf(frames, "progress");
  expect(first).toMatchObject({ event: "progress", data: { phase: "service" } });

  let done = false;
  const outcome = outcomeOf(frames).finally(() => (done = true));
  const probes: number[] = [];
  while (!done) {
    const started = performance.now();
    const response = await fetch(`${app!.url}/api/hosts`, { headers });
    await response.arrayBuffer();
    expect(response.status).toBe(200);
    if (!done) probes.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const result = await outcome;
  expect(result, app!.logs()).toMatchObject({ ok: false, code: "collector-output-invalid" });
  expect(result.message).toContain(`(${MAX_LINE_BYTES} bytes) limit on one line`);
  expect(probes.length, "requests answered while the line streamed").toBeGreaterThanOrEqual(3);
  expect(Math.max(...probes), `slowest of ${probes.length} requests`).toBeLessThan(1_000);
});
