import fs from "node:fs";
import path from "node:path";
import Database from "../../support/sqlite-database";
import { startApp } from "../../support/app";
import { addUser, ADMIN, sessionHeaders, signIn } from "../../support/session";
import { pollUntil } from "../../support/poll";
import { listenerPid, memoryOf } from "./proc-status";

export type ComparePageFigures = {
  /** VmHWM of the listening process before the page was asked for, and after it was served. */
  baselinePeakBytes: number;
  peakBytes: number;
  pageMs: number;
  pageBytes: number;
  /** The event loop's longest delay while the page was served (monitorEventLoopDelay, 10 ms resolution). */
  eventLoopMaxMs: number;
  eventLoopP99Ms: number;
};

const PROBE = path.join(import.meta.dirname, "event-loop-probe.mjs");

type ProbeFigures = { maxMs: number; p99Ms: number; reset: number };

function probeOf(dir: string, pid: number): ProbeFigures | null {
  const file = path.join(dir, `${pid}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as ProbeFigures) : null;
}

/** The two stored snapshots' ids, by host name. */
function snapshotIds(databaseFile: string, names: [string, string]): [string, string] {
  const db = new Database(databaseFile, { readonly: true });
  const idOf = (name: string) =>
    (
      db.prepare(`SELECT s.id AS id FROM Snapshot s JOIN Host h ON h.id = s.hostId WHERE h.name = ?`).get(name) as {
        id: string;
      }
    ).id;
  const ids: [string, string] = [idOf(names[0]), idOf(names[1])];
  db.close();
  return ids;
}

/**
 * The dashboard (`npm start`'s server on the existing build) serving the permalink compare page of two stored
 * snapshots, signed in, its whole body read (the comparison streams behind its skeleton): the listening process's
 * peak RSS before and after, and the event loop's longest delay meanwhile (after one page of another kind, so the
 * server's start is not counted; the compare page's own code loads within the figure).
 */
export async function measureComparePage(databaseFile: string, names: [string, string]): Promise<ComparePageFigures> {
  const probeDir = fs.mkdtempSync(path.join(path.dirname(databaseFile), "event-loop-"));
  const nodeOptions = `${process.env.NODE_OPTIONS ?? ""} --import ${PROBE}`.trim();
  const app = await startApp({
    databaseFile,
    env: { NODE_OPTIONS: nodeOptions, DEPLOYLENS_EVENT_LOOP_DIR: probeDir },
  });
  try {
    const pid = listenerPid(Number(new URL(app.url).port));
    if (!pid) throw new Error("no process listening for the dashboard");
    await addUser(app, ADMIN);
    const headers = sessionHeaders(app, await signIn(app));
    const [left, right] = snapshotIds(databaseFile, names);
    // A first page loads the server's shared code: its start is not what the figure is about.
    const warm = await fetch(`${app.url}/`, { headers });
    await warm.text();
    const baselinePeakBytes = memoryOf(pid).peakBytes;
    fs.writeFileSync(path.join(probeDir, "reset"), "");
    const resetAt = fs.statSync(path.join(probeDir, "reset")).mtimeMs;
    await pollUntil("the event-loop probe to reset", () =>
      (probeOf(probeDir, pid)?.reset ?? 0) >= resetAt ? true : undefined,
    );
    const started = performance.now();
    const response = await fetch(`${app.url}/compare/${left}/${right}`, { headers });
    const body = await response.text();
    const pageMs = performance.now() - started;
    if (!response.ok || !body.includes(names[1])) throw new Error(`the compare page answered ${response.status}`);
    // The probe writes every 200 ms: wait for a write after the page was served.
    const servedAt = Date.now();
    await pollUntil("the event-loop probe", () =>
      (fs.statSync(path.join(probeDir, `${pid}.json`), { throwIfNoEntry: false })?.mtimeMs ?? 0) > servedAt
        ? true
        : undefined,
    );
    const probe = probeOf(probeDir, pid)!;
    return {
      baselinePeakBytes,
      peakBytes: memoryOf(pid).peakBytes,
      pageMs,
      pageBytes: Buffer.byteLength(body),
      eventLoopMaxMs: probe.maxMs,
      eventLoopP99Ms: probe.p99Ms,
    };
  } finally {
    await app.stop();
    fs.rmSync(probeDir, { recursive: true, force: true });
  }
}
