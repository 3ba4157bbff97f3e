import { startApp } from "../../support/app";
import { addUser, ADMIN, sessionHeaders, signIn } from "../../support/session";
import { startSshd, type Sshd } from "../../support/sshd";
import { apiClient } from "../dashboard/api-client";
import { benchHostInput, benchTarget } from "../e2e/bench-host";
import { buildSkipReason } from "../rss/app-rss";
import { seconds } from "../report/format";
import type { Tree } from "../tree/build-tree";
import { driveCollections, type LoadHost } from "./load-collections";
import { loadClient } from "./load-client";
import type { LoadOutcome, LoadRun } from "./load-data";
import { serverProbe } from "./server-probe";

export type LoadContext = {
  smoke: boolean;
  hosts: number;
  collections: number;
  clients: number;
  trees: [Tree, Tree];
  python: string;
  log: (line: string) => void;
  /** Write a V8 CPU profile of the server there (DEPLOYLENS_BENCH_SERVER_CPU_PROFILE), else none. */
  cpuProfileDir?: string | null;
};

const BUSY = /SQLITE_BUSY|database is locked/i;

/**
 * The load run: a real `next start` on a fresh database, `hosts` SSH hosts each on its own real sshd
 * (app roots alternate between trees a and b), `collections` collections through the API while `clients`
 * signed-in clients load pages and the API until the last snapshot is stored.
 */
export async function loadPhase(ctx: LoadContext): Promise<LoadOutcome> {
  const reason = buildSkipReason(ctx.smoke);
  if (reason) return { measured: false, reason };
  const sshds: Sshd[] = [];
  const probe = serverProbe(ctx.cpuProfileDir ?? null);
  const app = await startApp({ env: probe.env });
  let run: LoadRun | null = null;
  try {
    for (let i = 0; i < ctx.hosts; i++) sshds.push(await startSshd());
    await addUser(app, ADMIN);
    const headers = sessionHeaders(app, await signIn(app));
    const api = apiClient(app.url, headers);
    const hosts: LoadHost[] = [];
    for (const [i, sshd] of sshds.entries()) {
      const tree = ctx.trees[i % 2]!;
      const input = benchHostInput(`load-${i}`, tree.root, benchTarget(sshd), ctx.python);
      const host = await api<{ id: string }>("/api/hosts", { method: "POST", body: { ...input, acceptHostKey: true } });
      hosts.push({ id: host.id, name: input.name, sources: tree.counts.sources });
    }
    const sessions = [];
    for (let c = 0; c < ctx.clients; c++) sessions.push(sessionHeaders(app, await signIn(app)));
    ctx.log(
      `load: ${ctx.hosts} hosts on ${sshds.length} sshd, ${ctx.clients} signed-in clients, ${ctx.collections} collections …`,
    );
    const snapshotIds: string[] = [];
    let running = true;
    const clients = sessions.map((session, c) =>
      loadClient(
        app.url,
        session,
        hosts.map((h) => h.id),
        snapshotIds,
        () => running,
        c,
      ),
    );
    const started = performance.now();
    const collections = await driveCollections(api, app.url, headers, hosts, ctx.collections, snapshotIds).finally(
      () => (running = false),
    );
    const elapsedMs = performance.now() - started;
    const requests = (await Promise.all(clients)).flat();
    run = {
      hosts: ctx.hosts,
      sshds: sshds.length,
      clients: ctx.clients,
      sourcesPerHost: ctx.trees[0].counts.sources,
      serverCap: process.env.DEPLOYLENS_MAX_CONCURRENT_COLLECTIONS ?? null,
      collections,
      elapsedMs,
      requests,
      errors: requests.filter((r) => r.status < 200 || r.status > 299).map(({ path, status }) => ({ path, status })),
      busyLines: app
        .logs()
        .split("\n")
        .filter((line) => BUSY.test(line))
        .slice(0, 20),
      eventLoop: null,
    };
    ctx.log(
      `load: ${collections.filter((c) => c.complete).length}/${collections.length} snapshots complete in ${seconds(elapsedMs)}, ` +
        `${requests.length} requests, ${run.errors.length} errors, ${run.busyLines.length} SQLITE_BUSY lines`,
    );
  } finally {
    await app.stop();
    for (const sshd of sshds) await sshd.stop();
  }
  run.eventLoop = probe.read();
  return { measured: true, run };
}
