import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { observedApp, startAsNobody, type ObservedApp } from "../support/fixtures/observed-app";
import { isRoot } from "../support/fixtures/odd-entries";
import { OBSERVATION_KEYS } from "../support/observe-in-background";
import { runCli } from "../support/run-cli";
import { tempDir } from "../support/temp-dir";

// POST /api/hosts/:id/observations arms the watches; GET …/:obsId says "watching" until the real start of the
// app (as nobody) has gone quiet, then answers the observation. The real route handlers, sessions and SQLite file.
const temp = tempDir("deploylens-api-observe-");
const databaseFile = path.join(temp.dir, "api.db");
const ORIGIN = "http://127.0.0.1:3000";
const cookies: Record<string, string> = {};
let app: ObservedApp;
let hostId = "";

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  app = observedApp();
  const cli = (...args: string[]) => runCli(args, { databaseFile });
  const add = ["--local", "--app-root", app.app, "--python", app.python, "--entry", "webapp", "--user", "nobody"];
  expect((await cli("hosts", "add", "web", ...add, "--no-startup-cost")).code).toBe(0);
  expect((await cli("collect", "web")).code).toBe(0);
  const { createUser } = await import("@/lib/auth/users");
  const { createSession } = await import("@/lib/auth/sessions");
  const { findUserByName } = await import("@/lib/db/queries/users");
  const { findHost } = await import("@/lib/db/queries/hosts");
  for (const role of ["operator", "viewer"] as const) {
    await createUser({ name: role, role, password: "correct horse battery" }, { actor: null, address: null });
    const { token } = await createSession((await findUserByName(role))!, null);
    cookies[role] = `deploylens_session=${token}`;
  }
  hostId = (await findHost("web"))!.id;
});

afterAll(() => {
  app?.remove();
  temp.remove();
});

type Answer = { data?: Record<string, unknown>; error?: { code: string; message: string } };

async function start(role: string) {
  const { POST } = await import("@/app/api/hosts/[id]/observations/route");
  const request = new Request(`${ORIGIN}/api/hosts/${hostId}/observations`, {
    method: "POST",
    headers: { host: "127.0.0.1:3000", origin: ORIGIN, "content-type": "application/json", cookie: cookies[role]! },
    body: JSON.stringify({ timeoutSeconds: 120, quietSeconds: 2 }),
  });
  const response = await POST(request, { params: Promise.resolve({ id: hostId }) });
  return { status: response.status, body: (await response.json()) as Answer };
}

async function read(obsId: string) {
  const { GET } = await import("@/app/api/hosts/[id]/observations/[obsId]/route");
  const request = new Request(`${ORIGIN}/api/hosts/${hostId}/observations/${obsId}`, {
    headers: { host: "127.0.0.1:3000", cookie: cookies.viewer! },
  });
  const response = await GET(request, { params: Promise.resolve({ id: hostId, obsId }) });
  return { status: response.status, body: (await response.json()) as Answer };
}

async function until(obsId: string, done: (a: { status: number; body: Answer }) => boolean) {
  for (;;) {
    const answer = await read(obsId);
    if (done(answer)) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("a viewer may not start an observation", async () => {
  expect((await start("viewer")).status).toBe(403);
});

test.runIf(isRoot)(
  "an operator starts one; GET answers watching, then the observed start",
  { timeout: 200_000 },
  async () => {
    const started = await start("operator");
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    const obsId = String(started.body.data!.id);
    const watching = await until(obsId, (a) => a.status !== 202 || a.body.data?.state === "watching");
    expect(watching.status).toBe(202);
    expect(watching.body.data).toMatchObject({ state: "watching", directories: expect.any(Number) });

    startAsNobody(app);
    const done = await until(obsId, (a) => a.status !== 202);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const observation = done.body.data as { modules: { name: string; loaded: string; blocked: boolean }[] };
    expect(Object.keys(observation).sort()).toEqual(OBSERVATION_KEYS);
    expect(observation.modules.find((m) => m.name === "locked.helpers")).toMatchObject({
      loaded: "compiled",
      blocked: true,
    });
    expect(observation.modules.find((m) => m.name === "webapp.cached")).toMatchObject({
      loaded: "cache",
      blocked: false,
    });
    expect((await read("no-such-observation")).status).toBe(404);
  },
);
