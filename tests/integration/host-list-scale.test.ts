import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { RunningApp } from "../support/app";
import { ownDatabase } from "../support/app-on-own-database";
import { startSignedInApp } from "../support/session";
import { tempDir } from "../support/temp-dir";

// 10,000 hosts, a few with history: the host list (two queries whatever the count, the ids as one JSON
// parameter) answers for all of them in-process, and `/` over real HTTP answers 200 with the right latest
// coverage, page by page and by search, within a second.

const HOSTS = 10_000;
const temp = tempDir("deploylens-host-scale-");
const databaseFile = path.join(temp.dir, "scale.db");
const hostName = (i: number) => `host-${String(i).padStart(5, "0")}`;
/** Hosts with history: one early on page 1, one on the last page. */
const SAMPLED = [42, 9_876];
let app: RunningApp | undefined;
let headers: Record<string, string>;

beforeAll(async () => {
  ownDatabase(databaseFile);
  const { prisma } = await import("@/lib/db/client");
  const names = Array.from({ length: HOSTS }, (_, i) => hostName(i));
  await prisma.host.createMany({ data: names.map((name) => ({ name, transport: "local", appRoots: '["/srv"]' })) });
  const hosts = await prisma.host.findMany({ where: { name: { in: SAMPLED.map(hostName) } } });
  const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));
  await prisma.snapshot.createMany({
    data: hosts.flatMap(({ id: hostId }) => [
      // Oldest first: 25 %, then 75 % (the latest successful one), then a failure (the latest of all).
      {
        hostId,
        takenAt: at(1),
        status: "ok",
        sources: 40,
        fresh: 10,
        missing: 30,
        startupClosure: 10,
        startupFresh: 2,
      },
      {
        hostId,
        takenAt: at(2),
        status: "ok",
        sources: 40,
        fresh: 30,
        missing: 10,
        startupClosure: 10,
        startupFresh: 8,
      },
      {
        hostId,
        takenAt: at(3),
        status: "failed",
        errorCode: "connection-lost",
        errorMessage: "The SSH connection was lost",
      },
    ]),
  });
  ({ app, headers } = await startSignedInApp({ databaseFile }));
}, 900_000);

afterAll(async () => {
  await app?.stop();
  temp.remove();
});

test("every one of 10,000 hosts is listed with its latest, latest successful and startup history", async () => {
  const { listHostSummaries } = await import("@/lib/hosts/list-host-summaries");
  const { rows, hasMore } = await listHostSummaries();
  expect(rows).toHaveLength(HOSTS);
  expect(hasMore).toBe(false);
  for (const i of SAMPLED) {
    const row = rows.find((r) => r.host.name === hostName(i))!;
    expect(row.latest).toMatchObject({ status: "failed", errorCode: "connection-lost" });
    expect(row.latestOk).toMatchObject({ sources: 40, fresh: 30, startupClosure: 10, startupFresh: 8 });
    expect(row.spark.map((p) => p.percent)).toEqual([20, 80]);
  }
  expect(rows.find((r) => r.host.name === hostName(0))).toMatchObject({ latest: null, latestOk: null, spark: [] });
});

/** The table row of one host in the home page's HTML. */
function rowOf(html: string, name: string): string {
  const at = html.indexOf(`>${name}</a>`);
  expect(at, `${name} is on the page`).toBeGreaterThan(0);
  return html.slice(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
}

async function home(query = ""): Promise<{ status: number; html: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(`${app!.url}/${query}`, { headers });
  const html = await response.text();
  return { status: response.status, html, ms: performance.now() - started };
}

test("/ answers 200 with 10,000 hosts, pages of 100 with the right latest coverage, within a second", async () => {
  await home(); // the first request loads the page's code
  const timings: number[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await home();
    expect(page.status).toBe(200);
    timings.push(page.ms);
  }
  expect(Math.min(...timings), `the best of three took ${Math.min(...timings)} ms`).toBeLessThan(1_000);

  const first = await home();
  expect(first.html.match(/>host-\d{5}<\/a>/g)).toHaveLength(100);
  const sampled = rowOf(first.html, hostName(42));
  // All-sources coverage and startup coverage of the latest successful snapshot, the state of the latest one.
  expect(sampled).toContain('title="30 fresh, 0 stale, 10 missing"');
  expect(sampled).toContain(">75%</span>");
  expect(sampled).toContain(">80%</span>");
  expect(sampled).toMatch(/failed: (<!-- -->)?connection-lost/);
  expect(sampled).not.toContain('title="10 fresh');
  expect(first.html).toContain('rel="next"');

  const last = await home("?page=100");
  expect(last.status).toBe(200);
  expect(rowOf(last.html, hostName(9_999))).toContain("not collected yet");
  expect(last.html).not.toContain('rel="next"');

  const searched = await home(`?q=${hostName(9_876)}`);
  expect(searched.status).toBe(200);
  expect(rowOf(searched.html, hostName(9_876))).toContain(">75%</span>");
  expect(searched.html.match(/>host-\d{5}<\/a>/g)).toHaveLength(1);
});
