import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { ensureBuilt } from "../../scripts/ensure-built.mjs";
import { startApp, type RunningApp } from "../support/app";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { jobEvents, nextFrameOf, startCollectionOverApi } from "../support/job-events";
import { pollUntil } from "../support/poll";
import { postgresMissing, startPostgres, type RunningPostgres } from "../support/postgres";
import { runCli } from "../support/run-cli";
import { ADMIN, sessionHeaders, signIn } from "../support/session";
import { tempDir } from "../support/temp-dir";

// Two dashboard servers (scripts/serve.mjs, as `npm start` runs it) on one PostgreSQL database: scheduled
// collections run once across both, and the job of an instance killed mid-collection is finished by the other.

const ROOT = path.resolve(import.meta.dirname, "../..");
const EVERY_SECONDS = 2;

describe.skipIf(postgresMissing)(
  `several instances on PostgreSQL${postgresMissing ? ` (${postgresMissing})` : ""}`,
  () => {
    const temp = tempDir("deploylens-fleet-");
    const apps: RunningApp[] = [];
    let server: RunningPostgres | undefined;
    let fixture: HalfCompiledApp | undefined;
    let url = "";
    let db: pg.Client | undefined;

    // Every instance shares the database and the secret key; expired jobs are looked for every second, and a job
    // counts as lost 3 s after its host's time limit, so a take-over shows within seconds.
    const instanceEnv = (extra: Record<string, string> = {}) => ({
      DATABASE_URL: url,
      DEPLOYLENS_SECRET_KEY: "11".repeat(32),
      DEPLOYLENS_SCHEDULE_RELOAD_MS: "500",
      DEPLOYLENS_QUEUE_MAINTENANCE_SECONDS: "1",
      DEPLOYLENS_JOB_GRACE_SECONDS: "3",
      ...extra,
    });
    const start = async (extra?: Record<string, string>) => {
      const app = await startApp({ databaseFile: path.join(temp.dir, "unused.db"), env: instanceEnv(extra) });
      apps.push(app);
      return app;
    };
    const cli = (args: string[], stdin?: string) =>
      runCli(args, { databaseFile: "", stdin, env: { DATABASE_URL: url, DEPLOYLENS_SECRET_KEY: "11".repeat(32) } });
    const rows = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) =>
      (await db!.query<T>(sql, values)).rows;

    beforeAll(async () => {
      ensureBuilt(ROOT);
      server = await startPostgres();
      url = await server.createDatabase("fleet");
      db = new pg.Client({ connectionString: url });
      await db.connect();
      fixture = halfCompiledApp("deploylens-fleet-app-");
      // The CLI migrates the database, as every instance does at start.
      const added = await cli(
        ["users", "add", ADMIN.name, "--role", "admin", "--password-stdin"],
        `${ADMIN.password}\n`,
      );
      expect(added.code, added.stderr).toBe(0);
    }, 900_000);

    afterAll(async () => {
      for (const app of apps) await app.stop();
      await db?.end();
      await server?.stop();
      fixture?.remove();
      temp.remove();
    });

    test("each occurrence of a schedule is collected once, though both instances run the scheduler", async () => {
      const added = await cli([
        "hosts",
        "add",
        "ticking",
        ...fixture!.hostArgs,
        "--schedule",
        `*/${EVERY_SECONDS} * * * * *`,
      ]);
      expect(added.code, added.stderr).toBe(0);
      const [a, b] = await Promise.all([start(), start()]);
      const jobRows = () =>
        rows<{ createdAt: Date; state: string; snapshotId: string | null }>(
          `SELECT j."createdAt", j.state, j."snapshotId" FROM "CollectionJob" j JOIN "Host" h ON h.id = j."hostId"
           WHERE h.name = 'ticking' ORDER BY j."createdAt"`,
        );
      await pollUntil(
        "six scheduled collections",
        async () => ((await jobRows()).filter((job) => job.state === "done").length >= 6 ? true : undefined),
        { timeoutMs: 120_000, intervalMs: 500 },
      );
      expect(await cli(["hosts", "edit", "ticking", "--schedule", "off"]).then((r) => r.code)).toBe(0);
      // Stopped, the instances queue nothing more: what is read next is the whole history.
      for (const app of apps.splice(0)) await app.stop();
      const jobs = await jobRows();

      // Both instances fire every occurrence (at even seconds) and queue it within milliseconds: a job per
      // instance would put two jobs in one occurrence's two seconds. (An occurrence queued again late, after it
      // already ran, is tested in fleet-queue-postgres.test.ts.)
      const occurrences = jobs.map((job) => Math.floor(job.createdAt.getTime() / (EVERY_SECONDS * 1000)));
      expect(new Set(occurrences).size, `${a.logs()}\n${b.logs()}`).toBe(jobs.length);
      // Each job ended with a snapshot of its own, and every snapshot of the host came from one of them.
      const done = jobs.filter((job) => job.state === "done");
      expect(new Set(done.map((job) => job.snapshotId)).size).toBe(done.length);
      const [stored] = await rows<{ count: string }>(
        `SELECT count(*) FROM "Snapshot" s JOIN "Host" h ON h.id = s."hostId" WHERE h.name = 'ticking'`,
      );
      expect(Number(stored!.count) - done.length).toBeLessThanOrEqual(jobs.length - done.length);
    });

    test("SIGKILL mid-collection: the other instance takes the job over and completes it", async () => {
      // The first instance's python3 reports progress once, then hangs: its collection is under way when it dies.
      const bin = path.join(temp.dir, "bin");
      fs.mkdirSync(bin);
      const hang = [
        "#!/bin/sh",
        "cat >/dev/null",
        `printf '%s\\n' '{"type":"progress","phase":"walk","dirs":1,"files":1}'`,
        "exec sleep 600",
        "",
      ];
      fs.writeFileSync(path.join(bin, "python3"), hang.join("\n"), { mode: 0o755 });
      const added = await cli(["hosts", "add", "handover", ...fixture!.hostArgs, "--timeout", "15"]);
      expect(added.code, added.stderr).toBe(0);

      const doomed = await start({ PATH: `${bin}${path.delimiter}${process.env.PATH}` });
      const headers = sessionHeaders(doomed, await signIn(doomed));
      const events = await startCollectionOverApi(doomed, "handover", headers);
      const first = await nextFrameOf(jobEvents(doomed, events, headers), "progress");
      expect(first).toMatchObject({ event: "progress", data: { phase: "walk" } });
      const jobId = events.split("/")[3]!;

      const survivor = await start();
      process.kill(doomed.pid, "SIGKILL");
      await doomed.exited;

      // The survivor knows the job by its id and follows it to the end, as a browser sent there would, with the
      // session signed in on the dead instance: sessions live in the database.
      const survivorHeaders = { ...headers, origin: survivor.url };
      const frames = jobEvents(survivor, `/api/jobs/${jobId}/events`, survivorHeaders);
      const end = await nextFrameOf(frames, "snapshot");
      expect(end.data, survivor.logs()).toMatchObject({ ok: true });
      const [job] = await rows<{ state: string; snapshotId: string }>(
        `SELECT state, "snapshotId" FROM "CollectionJob" WHERE id = $1`,
        [jobId],
      );
      expect(job).toEqual({ state: "done", snapshotId: end.data.snapshotId });
      const [snapshot] = await rows<{ status: string; sources: number; fresh: number }>(
        `SELECT status, sources, fresh FROM "Snapshot" WHERE id = $1`,
        [job!.snapshotId],
      );
      expect(snapshot).toEqual({ status: "ok", sources: 8, fresh: 4 });
    });

    test("failed sign-ins are counted across instances: parallel guesses on two instances get exactly 10 tries", async () => {
      const [a, b] = [apps.at(-1)!, await start()];
      const guess = (app: RunningApp) =>
        fetch(`${app.url}/api/session`, {
          method: "POST",
          headers: { origin: app.url, "content-type": "application/json" },
          body: JSON.stringify({ name: ADMIN.name, password: "not the password" }),
        }).then((response) => response.status);
      const statuses = await Promise.all(Array.from({ length: 14 }, (_, i) => guess(i % 2 ? a : b)));
      expect(statuses.filter((status) => status === 401)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(4);
    });
  },
);
