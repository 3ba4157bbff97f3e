import fs from "node:fs";
import path from "node:path";
import { ensureBuilt } from "../../../scripts/ensure-built.mjs";
import type { RunningApp } from "../../support/app";
import { apiClient } from "../dashboard/api-client";
import { addUser, ADMIN, sessionHeaders, signIn } from "../../support/session";
import { benchHostInput } from "../e2e/bench-host";
import type { BenchTarget } from "../e2e/worker-protocol";
import { followJob } from "./follow-job";
import { commandOf, listenerPid, memoryOf } from "./proc-status";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export type RssFigures = {
  pid: number;
  command: string;
  /** VmHWM before the collection started (the server's own start-up and first requests). */
  baselinePeakBytes: number;
  /** VmHWM after it finished: the process's peak resident set, collection included. */
  peakBytes: number;
  /** Highest VmRSS seen by sampling every 50 ms during the collection. */
  sampledPeakBytes: number;
  collectionMs: number;
  snapshot: { id: string; ok: boolean; code: string | null; sources: number };
};
export type RssOutcome = { measured: true; figures: RssFigures } | { measured: false; reason: string };

/**
 * Why the RSS figure cannot be measured, or null once an up-to-date build is there. Smoke mode never
 * makes the first build (that takes minutes on a fresh machine), but refreshes a stale one, which would
 * otherwise serve code older than the tree.
 */
export function buildSkipReason(smoke: boolean): string | null {
  if (smoke && !fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    return "no dashboard build (.next/BUILD_ID); run `npm run build` to include it";
  }
  ensureBuilt(ROOT);
  return null;
}

/**
 * Peak RSS of the real dashboard process (`next start`) through one collection started by
 * POST /api/hosts/:id/snapshots and followed on its event stream to the stored snapshot.
 */
export async function measureAppRss(
  app: RunningApp,
  target: BenchTarget,
  root: string,
  python: string,
): Promise<RssFigures> {
  const port = Number(new URL(app.url).port);
  const pid = listenerPid(port);
  if (!pid) throw new Error(`no process found listening on port ${port}`);
  await addUser(app, ADMIN);
  const session = sessionHeaders(app, await signIn(app));
  const api = apiClient(app.url, session);
  // The server pins only keys it has seen itself: the bench's own loopback sshd is accepted on first use.
  const host = await api<{ id: string }>("/api/hosts", {
    method: "POST",
    body: { ...benchHostInput("bench-rss", root, target, python), acceptHostKey: true },
  });
  const baselinePeakBytes = memoryOf(pid).peakBytes;
  let sampledPeakBytes = 0;
  const sampler = setInterval(() => (sampledPeakBytes = Math.max(sampledPeakBytes, memoryOf(pid).rssBytes)), 50);
  const started = performance.now();
  const job = await api<{ events: string }>(`/api/hosts/${host.id}/snapshots`, { method: "POST" });
  const done = await followJob(`${app.url}${job.events}`, session).finally(() => clearInterval(sampler));
  const collectionMs = performance.now() - started;
  const { peakBytes } = memoryOf(pid);
  const rows = await api<{ id: string; status: string; sources: number }[]>(`/api/hosts/${host.id}/snapshots`);
  const row = rows.find((r) => r.id === done.snapshotId);
  return {
    pid,
    command: commandOf(pid),
    baselinePeakBytes,
    peakBytes,
    sampledPeakBytes,
    collectionMs,
    snapshot: {
      id: done.snapshotId,
      ok: done.ok && row?.status === "ok",
      code: done.code,
      sources: row?.sources ?? 0,
    },
  };
}
