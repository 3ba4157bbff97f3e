import { expect, type APIRequestContext } from "@playwright/test";
import { startApp, type RunningApp } from "./app";
import { twoLayoutApps } from "./fixtures/two-layout-apps";
import { freePort } from "./free-port";
import { buildSeedDeployment } from "./seed-deployment";
import { signedInRequest } from "./session";
import { tempDir } from "./temp-dir";

/** Every state a page can be in, seeded through the real API: ids to visit, and the app to stop. */
export type DashboardStates = {
  app: RunningApp;
  api: APIRequestContext;
  hosts: { broken: string; healthy: string; failing: string; fresh: string };
  snapshots: { broken: string; healthy: string; failed: string };
  shares: { live: string; revoked: string };
  stop: () => Promise<void>;
};

async function createHost(api: APIRequestContext, app: RunningApp, data: object): Promise<string> {
  const created = await api.post(`${app.url}/api/hosts`, { data });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { data: { id: string } }).data.id;
}

/** Collects a host through the API and waits for its snapshot row (any status). */
async function collect(api: APIRequestContext, app: RunningApp, hostId: string): Promise<string> {
  expect((await api.post(`${app.url}/api/hosts/${hostId}/snapshots`, { data: {} })).status()).toBe(202);
  let id = "";
  await expect
    .poll(
      async () => {
        const response = await api.get(`${app.url}/api/hosts/${hostId}/snapshots`);
        const { data } = (await response.json()) as { data: { id: string; status: string }[] };
        id = data[0]?.id ?? "";
        return data[0]?.status ?? "none";
      },
      { timeout: 90_000 },
    )
    .not.toBe("none");
  return id;
}

async function share(api: APIRequestContext, app: RunningApp, left: string, right: string) {
  const response = await api.post(`${app.url}/api/shares`, { data: { left, right, expires: "1d" } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { data: { id: string; url: string } }).data;
}

/**
 * broken: the seed (root-owned tree, service as nobody, pycache-not-writable); healthy: a compiled app its
 * user owns; failing: SSH to a port nothing listens on (connect-failed); fresh: never collected. Needs root.
 */
export async function seedDashboardStates(): Promise<DashboardStates> {
  const temp = tempDir("deploylens-e2e-states-");
  const seed = buildSeedDeployment(temp.dir);
  const layouts = twoLayoutApps(temp.dir, ["a", "b", "c"]);
  const app = await startApp();
  const api = await signedInRequest(app);
  const broken = await createHost(api, app, {
    transport: "local",
    name: "vps-broken",
    appRoots: [seed.appRoot],
    serviceUnit: "lernmanager.service",
    unitFile: seed.unitFile,
    entryPoints: ["wsgi:app"],
  });
  const healthy = await createHost(api, app, {
    transport: "local",
    name: "laptop-healthy",
    appRoots: [layouts.laptopRoot],
    python: layouts.python,
  });
  const failing = await createHost(api, app, {
    transport: "ssh",
    name: "db-unreachable",
    appRoots: ["/srv/app"],
    ssh: { user: "deploy", host: "127.0.0.1", port: await freePort() },
    auth: { method: "password", password: "not-used" },
  });
  const fresh = await createHost(api, app, { transport: "local", name: "new-host", appRoots: ["/srv/new"] });
  const snapshots = {
    healthy: await collect(api, app, healthy),
    broken: await collect(api, app, broken),
    failed: await collect(api, app, failing),
  };
  const live = await share(api, app, snapshots.broken, snapshots.healthy);
  const revoked = await share(api, app, snapshots.healthy, snapshots.broken);
  expect((await api.delete(`${app.url}/api/shares/${revoked.id}`)).status()).toBe(200);
  return {
    app,
    api,
    hosts: { broken, healthy, failing, fresh },
    snapshots,
    shares: { live: live.url, revoked: revoked.url },
    stop: async () => {
      await api.dispose();
      await app.stop();
      temp.remove();
    },
  };
}

/** Every page of the dashboard in the seeded states, as [name, path]. */
export function dashboardPages(s: DashboardStates): [string, string][] {
  return [
    ["hosts", "/"],
    ["add-host", "/hosts/new"],
    ["host-broken", `/hosts/${s.hosts.broken}`],
    ["host-failed", `/hosts/${s.hosts.failing}`],
    ["host-never-collected", `/hosts/${s.hosts.fresh}`],
    ["edit-host", `/hosts/${s.hosts.broken}/edit`],
    ["snapshot-broken", `/snapshots/${s.snapshots.broken}`],
    ["snapshot-healthy", `/snapshots/${s.snapshots.healthy}`],
    ["snapshot-failed", `/snapshots/${s.snapshots.failed}`],
    ["compare", `/compare/${s.snapshots.broken}/${s.snapshots.healthy}`],
    ["compare-pick", "/compare"],
    ["settings", "/settings"],
    ["share", s.shares.live],
    ["share-revoked", s.shares.revoked],
  ];
}
