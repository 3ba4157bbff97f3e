import fs from "node:fs";
import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ensureBuilt } from "../../scripts/ensure-built.mjs";
import { startApp, type RunningApp } from "../support/app";
import { cachedManyFiles } from "../support/fixtures/many-files";
import { ADMIN, addUser, sessionHeaders, signIn } from "../support/session";
import { startSshd, type Sshd } from "../support/sshd";
import { jobEvents, startCollectionOverApi, type JobFrame } from "../support/job-events";

// sshd dies mid-collection (the listener and the connection's own sshd processes, SIGKILL, while the collector
// walks a 100,000-file tree): the real dashboard (next start) stores a failed snapshot with the code
// connection-lost and a sentence, never a stack and never an ok snapshot; it keeps answering; and once sshd
// is back on the same port, the next collection succeeds.

const ROOT = path.resolve(import.meta.dirname, "../..");
let app: RunningApp | undefined;
let sshd: Sshd | undefined;
let appRoot: string;
let headers: Record<string, string>;

beforeAll(async () => {
  ensureBuilt(ROOT);
  appRoot = await cachedManyFiles(100_000);
  sshd = await startSshd();
  app = await startApp();
  await addUser(app, ADMIN);
  headers = { ...sessionHeaders(app, await signIn(app)), "content-type": "application/json" };
}, 900_000);

afterAll(async () => {
  await app?.stop();
  await sshd?.stop();
});

async function startCollection(): Promise<AsyncGenerator<JobFrame>> {
  return jobEvents(app!, await startCollectionOverApi(app!, "doomed", headers), headers);
}

async function outcomeOf(frames: AsyncGenerator<JobFrame>): Promise<Record<string, unknown>> {
  for await (const frame of frames) if (frame.event === "snapshot") return frame.data;
  throw new Error("the event stream ended without a snapshot event");
}

/** pid → [parent pid, command name] of every process. */
function processTable(): Map<number, [number, string]> {
  const table = new Map<number, [number, string]>();
  for (const name of fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      table.set(Number(name), [ppid, comm]);
    } catch {
      // gone meanwhile
    }
  }
  return table;
}

/** SIGKILLs the listening sshd and every sshd below it (the connection's privileged and session processes). */
function killSshd(listener: number): number[] {
  const table = processTable();
  const doomed = [listener];
  for (let i = 0; i < doomed.length; i++)
    for (const [pid, [ppid, comm]] of table) if (ppid === doomed[i] && comm === "sshd") doomed.push(pid);
  for (const pid of doomed) process.kill(pid, "SIGKILL");
  return doomed;
}

const snapshotRows = () => {
  const db = new Database(app!.databaseFile, { readonly: true });
  try {
    return {
      snapshots: db.prepare("SELECT status, errorCode FROM Snapshot ORDER BY takenAt").all(),
      jobs: db.prepare("SELECT state FROM CollectionJob ORDER BY createdAt").all(),
    };
  } finally {
    db.close();
  }
};

test("sshd killed mid-walk: a failed connection-lost snapshot, the app keeps serving, the next collection succeeds", async () => {
  const created = await fetch(`${app!.url}/api/hosts`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      transport: "ssh",
      name: "doomed",
      appRoots: [appRoot],
      ssh: { user: sshd!.user, host: sshd!.host, port: sshd!.port },
      auth: { method: "key-file", identityFile: sshd!.privateKeyPath },
      acceptHostKey: true,
      measureStartup: false,
      // Room for the recovery collection on a loaded CI machine; the first one is cut short by the kill anyway.
      timeoutSeconds: 600,
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);

  const frames = await startCollection();
  let killed: number[] = [];
  // next() rather than for-await: leaving a for-await loop would close the stream read on below.
  while (killed.length === 0) {
    const { value: frame, done } = await frames.next();
    expect(done, "the event stream ended before sshd was killed").toBe(false);
    expect(frame!.event, "the collection ended before sshd was killed").not.toBe("snapshot");
    if (frame!.event === "progress" && frame!.data.phase === "walk" && Number(frame!.data.files) > 0)
      killed = killSshd(sshd!.pid());
  }
  expect(killed.length, "the listener and the connection's own sshd processes").toBeGreaterThanOrEqual(2);
  const failed = await outcomeOf(frames);
  expect(failed).toMatchObject({ ok: false, code: "connection-lost" });
  expect(failed.message).toMatch(/^The SSH connection was lost before the command finished/);
  expect(failed.message).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);

  // The dashboard keeps serving: the API and a page answer, and the failure is there for the user to read.
  const listed = await fetch(`${app!.url}/api/hosts/doomed/snapshots`, { headers });
  expect(listed.status).toBe(200);
  const { data: history } = (await listed.json()) as { data: Record<string, unknown>[] };
  expect(history).toEqual([expect.objectContaining({ status: "failed", errorCode: "connection-lost" })]);
  expect((await fetch(`${app!.url}/hosts/doomed`, { headers })).status).toBe(200);
  expect(snapshotRows()).toEqual({
    snapshots: [{ status: "failed", errorCode: "connection-lost" }],
    jobs: [{ state: "done" }],
  });

  // sshd comes back on the same port with the same host key: the next collection goes through.
  await sshd!.restart();
  const recovered = await outcomeOf(await startCollection());
  expect(recovered, app!.logs()).toMatchObject({ ok: true, code: null });
  expect(snapshotRows().snapshots).toEqual([
    { status: "failed", errorCode: "connection-lost" },
    { status: "ok", errorCode: null },
  ]);
  expect(app!.logs()).not.toMatch(/uncaught|unhandled/i);
});
