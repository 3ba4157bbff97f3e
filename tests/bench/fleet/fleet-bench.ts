import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import { startApp } from "../../support/app";
import { pollUntil } from "../../support/poll";
import { addUser, ADMIN, sessionHeaders, signIn } from "../../support/session";
import { startSshd, type Sshd } from "../../support/sshd";
import type { BenchOptions } from "../bench-options";
import { benchTarget } from "../e2e/bench-host";
import { serverProbe } from "../load/server-probe";
import { machineInfo, noteStartLoad } from "../machine-info";
import { revision } from "../revision";
import { buildSkipReason } from "../rss/app-rss";
import { listenerPid } from "../rss/proc-status";
import { benchVenv } from "../tree/bench-venv";
import { buildTree, CACHE_DIR } from "../tree/build-tree";
import { browseFleet } from "./fleet-browse";
import { processCpuMs, storeUsedBytes } from "./fleet-measure";
import { writeFleetResults, type FleetRun } from "./fleet-report";
import { seedFleet } from "./seed-fleet";
import { fleetWindow } from "./fleet-window";

const log = (line: string) => console.log(`[bench] ${line}`);
const SSHDS = 2;
const HOSTS_PER_PAGE = 100;
const until = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

/** Times `/` a few times, one after another: the home page at the fleet's size. */
async function timeHome(url: string, headers: Record<string, string>, runs: number) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/`, { headers, redirect: "manual" });
    await response.arrayBuffer();
    results.push({ status: response.status, ms: performance.now() - started });
  }
  return results;
}

/**
 * `--only fleet`: a simulated fleet on one node. `hosts` saved hosts (rows pointing at two real sshd and the local
 * machine, one small tree) on the server's own scheduler, each hourly in a compressed hour of `hourSeconds`. For
 * one such hour: the first half with nobody browsing (the server's CPU time per collection), the second with
 * signed-in clients loading pages; then what the store says of every collection queued in it.
 */
export async function fleetBench(options: BenchOptions): Promise<void> {
  noteStartLoad();
  const reason = buildSkipReason(options.smoke);
  if (reason) throw new Error(reason);
  const { hosts, hourSeconds, clients, sources } = options.fleet;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-bench-fleet-"));
  const databaseFile = path.join(work, "fleet.db");
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  const tree = buildTree(sources, "a", log);
  const python = benchVenv(tree.python, CACHE_DIR);
  const sshds: Sshd[] = [];
  for (let i = 0; i < SSHDS; i++) sshds.push(await startSshd());
  const seeded = performance.now();
  const hostIds = await seedFleet({ hosts, targets: sshds.map(benchTarget), root: tree.root, python, hourSeconds });
  log(
    `fleet: ${hostIds.length} hosts saved in ${((performance.now() - seeded) / 1000).toFixed(1)} s; starting the server …`,
  );
  await addUser({ databaseFile }, ADMIN);
  // DEPLOYLENS_BENCH_CPU_PROFILE_DIR: also write a CPU profile of the server there, to see what held its loop.
  const probe = serverProbe(process.env.DEPLOYLENS_BENCH_CPU_PROFILE_DIR ?? null);
  const app = await startApp({ databaseFile, env: probe.env });
  let run: Omit<FleetRun, "eventLoop" | "machine" | "revision" | "date"> | null = null;
  try {
    const headers = sessionHeaders(app, await signIn(app));
    const pid = listenerPid(Number(new URL(app.url).port));
    if (!pid) throw new Error("no process listens on the server's port");
    const { prisma } = await import("@/lib/db/client");
    const first = await pollUntil(
      "the scheduler's first collection",
      async () => (await prisma.collectionJob.findFirst({ orderBy: { createdAt: "asc" } }))?.createdAt ?? undefined,
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    const t0 = first.getTime();
    const half = t0 + (hourSeconds * 1000) / 2;
    const end = t0 + hourSeconds * 1000;
    const [cpu0, store0] = [processCpuMs(pid), await storeUsedBytes()];
    const home = await timeHome(app.url, headers, 5);
    log(
      `fleet: first collection queued; / answered ${home.map((h) => `${h.status} in ${Math.round(h.ms)} ms`).join(", ")}`,
    );
    await until(half);
    const cpuHalf = processCpuMs(pid);
    const quiet = await fleetWindow(new Date(t0), new Date(half));
    log(`fleet: first half: ${quiet.stored} stored, ${quiet.waiting} waiting; ${clients} clients browse now …`);
    const sessions = [];
    for (let c = 0; c < clients; c++) sessions.push(sessionHeaders(app, await signIn(app)));
    const snapshots = (await prisma.snapshot.findMany({ select: { id: true }, take: 1_000 })).map((s) => s.id);
    const fleet = { hostIds, snapshotIds: () => snapshots, pages: Math.ceil(hosts / HOSTS_PER_PAGE) };
    const browsing = sessions.map((session, c) => browseFleet(app.url, session, fleet, () => Date.now() < end, c));
    const requests = (await Promise.all(browsing)).flat();
    await until(end);
    const cpuEnd = processCpuMs(pid);
    const window = await fleetWindow(new Date(t0), new Date(end));
    run = {
      options: options.fleet,
      sshds: SSHDS,
      treeSources: tree.counts.sources,
      home,
      quiet: { stored: quiet.stored, cpuMs: cpuHalf - cpu0 },
      busyCpuMs: cpuEnd - cpuHalf,
      window,
      storeGrowthBytes: (await storeUsedBytes()) - store0,
      requests,
      cap: process.env.DEPLOYLENS_MAX_CONCURRENT_COLLECTIONS ?? null,
      hour: { from: t0, to: end },
    };
  } finally {
    await app.stop();
    for (const sshd of sshds) await sshd.stop();
  }
  if (!run) throw new Error("the fleet run ended without figures");
  const data = {
    ...run,
    eventLoop: probe.read(),
    machine: machineInfo(),
    revision: revision(),
    date: new Date().toISOString(),
  };
  const out = options.out ?? (options.smoke ? work : path.resolve(import.meta.dirname, ".."));
  writeFleetResults(out, data, log);
  const { prisma } = await import("@/lib/db/client");
  await prisma.$disconnect();
  if (!options.smoke || options.out) fs.rmSync(work, { recursive: true, force: true });
}
