import type { APIRequestContext } from "@playwright/test";
import type { RunningApp } from "./app";
import { sessionHeaders, signIn } from "./session";

/**
 * Adds a local host through the API (as `request`'s user, an operator or admin), collects it and reads its
 * job's events to the end; returns the host's and the snapshot's ids.
 */
export async function collectLocalHost(
  app: RunningApp,
  request: APIRequestContext,
  host: { name: string; appRoot: string; python: string },
): Promise<{ hostId: string; snapshotId: string }> {
  const created = await request.post(`${app.url}/api/hosts`, {
    data: { transport: "local", name: host.name, appRoots: [host.appRoot], python: host.python },
  });
  if (created.status() !== 201) throw new Error(`adding ${host.name}: ${created.status()} ${await created.text()}`);
  const hostId = ((await created.json()) as { data: { id: string } }).data.id;
  const started = await request.post(`${app.url}/api/hosts/${hostId}/snapshots`);
  if (started.status() !== 202) throw new Error(`collecting ${host.name}: ${started.status()}`);
  const { data: job } = (await started.json()) as { data: { events: string } };
  const headers = sessionHeaders(app, await signIn(app));
  const text = await (await fetch(`${app.url}${job.events}`, { headers })).text();
  const match = [...text.matchAll(/event: snapshot\ndata: (.*)\n/g)].at(-1);
  const data = match ? (JSON.parse(match[1]!) as { ok: boolean; snapshotId: string }) : null;
  if (!data?.ok) throw new Error(`collection of ${host.name} did not succeed:\n${text}`);
  return { hostId, snapshotId: data.snapshotId };
}
