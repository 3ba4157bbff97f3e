import fs from "node:fs";
import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ensureBuilt } from "../../scripts/ensure-built.mjs";
import type { RunningApp } from "../support/app";
import { jobEvents, nextFrameOf, startCollectionOverApi } from "../support/job-events";
import { startSignedInApp } from "../support/session";
import { tempDir } from "../support/temp-dir";

// SIGTERM while a collection runs and a browser follows its progress (an open event stream, which Next's own
// graceful close would wait for): the server exits within 10 s, the job's row says "interrupted" at once (not
// only at the next start), and the collector it started does not outlive it.

const ROOT = path.resolve(import.meta.dirname, "../..");
const temp = tempDir("deploylens-sigterm-");
const databaseFile = path.join(temp.dir, "sigterm.db");
const pidFile = path.join(temp.dir, "collector.pid");
let app: RunningApp | undefined;
let headers: Record<string, string>;

beforeAll(async () => {
  ensureBuilt(ROOT);
  // python3 on the server's PATH is a collector that reports progress once, then works for two minutes.
  const bin = path.join(temp.dir, "bin");
  fs.mkdirSync(bin);
  fs.writeFileSync(
    path.join(bin, "python3"),
    [
      "#!/bin/sh",
      "cat >/dev/null",
      `echo $$ > ${pidFile}`,
      `printf '%s\\n' '{"type":"progress","phase":"walk","dirs":1,"files":1}'`,
      "exec sleep 120",
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  ({ app, headers } = await startSignedInApp({
    databaseFile,
    env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` },
  }));
  const created = await fetch(`${app.url}/api/hosts`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ transport: "local", name: "slow", appRoots: [temp.dir], measureStartup: false }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
}, 900_000);

afterAll(async () => {
  await app?.stop();
  temp.remove();
});

const jobRows = () => {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare("SELECT state, finishedAt FROM CollectionJob").all() as { state: string; finishedAt: unknown }[];
  } finally {
    db.close();
  }
};

/** Running, not gone and not a zombie waiting for a parent that has exited. */
const alive = (pid: number) => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
};

test("SIGTERM mid-collection: exit within 10 s, the job marked interrupted, the collector stopped", async () => {
  const frames = jobEvents(app!, await startCollectionOverApi(app!, "slow", headers), headers);
  const first = await nextFrameOf(frames, "progress");
  expect(first).toMatchObject({ event: "progress", data: { phase: "walk" } });
  expect(jobRows().map((row) => row.state)).toEqual(["running"]);
  const collector = Number(fs.readFileSync(pidFile, "utf8"));
  expect(alive(collector)).toBe(true);

  const sent = performance.now();
  process.kill(app!.pid, "SIGTERM");
  await app!.exited;
  const took = performance.now() - sent;
  expect(took, app!.logs()).toBeLessThan(10_000);

  expect(jobRows()).toEqual([{ state: "interrupted", finishedAt: expect.any(String) }]);
  expect(app!.logs()).toContain("SIGTERM: marked 1 collection job(s) interrupted");
  const deadline = Date.now() + 5_000;
  while (alive(collector) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(alive(collector), "the collector outlived the server").toBe(false);
});
