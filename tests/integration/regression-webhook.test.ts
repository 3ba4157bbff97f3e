import fs from "node:fs";
import path from "node:path";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { halfCompiledApp, type HalfCompiledApp } from "../support/fixtures/half-compiled-app";
import { startReceiver, type Receiver } from "../support/http-receiver";
import { tempDir } from "../support/temp-dir";
import { startupCoveragePercent } from "@/lib/analysis/coverage-percent";

const temp = tempDir("deploylens-webhook-");
const databaseFile = path.join(temp.dir, "webhook.db");
let app: HalfCompiledApp;
let receiver: Receiver;

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  process.env.DEPLOYLENS_WEBHOOK_BACKOFF_MS = "50";
  process.env.DEPLOYLENS_WEBHOOK_ATTEMPTS = "3";
  migrate({ file: databaseFile });
  app = halfCompiledApp();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver?.stop();
  app?.remove();
  temp.remove();
});

async function collect(hostName: string) {
  const { getHostOrThrow } = await import("@/lib/db/queries/hosts");
  const { startCollection, waitForJob } = await import("@/lib/jobs/collection-queue");
  const { settleDeliveries } = await import("@/lib/webhooks/pending-deliveries");
  const result = await waitForJob(startCollection(await getHostOrThrow(hostName)));
  expect(result.ok, result.message ?? "").toBe(true);
  await settleDeliveries();
  return result.snapshotId;
}

function deliveryLog() {
  const db = new Database(databaseFile, { readonly: true });
  const rows = db
    .prepare("SELECT snapshotId, attempt, outcome, httpStatus FROM WebhookDelivery ORDER BY createdAt, attempt")
    .all();
  const setting = db.prepare("SELECT value FROM AppSetting WHERE key = 'webhook.url'").get() as { value: string };
  db.close();
  return {
    rows: rows as { snapshotId: string; attempt: number; outcome: string; httpStatus: number | null }[],
    setting,
  };
}

test("a regression is marked on the snapshot and POSTed exactly once; a failing receiver is retried and logged", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { updateWebhookUrl } = await import("@/lib/webhooks/webhook-url");
  const { getSnapshotOrThrow } = await import("@/lib/db/queries/snapshots");
  await createHost({
    name: "web",
    transport: "local",
    appRoots: [app.app],
    python: app.venv.python,
    // The service imports its compiled views at start, so losing their cache is a startup regression.
    entryPoints: ["webapp.views.v0"],
    measureStartup: false,
  });
  await updateWebhookUrl(receiver.url);
  expect(deliveryLog().setting.value).not.toContain("127.0.0.1"); // stored encrypted

  const first = await collect("web"); // nothing to compare with yet
  expect(receiver.received).toHaveLength(0);
  const steady = await collect("web"); // unchanged: no regression
  expect((await getSnapshotOrThrow(steady)).regressions).toBeNull();
  expect(receiver.received).toHaveLength(0);

  fs.rmSync(path.join(app.app, "webapp", "views", "__pycache__"), { recursive: true }); // its modules lose their cache
  const dropped = await collect("web");
  expect(receiver.received).toHaveLength(1);
  const payload = receiver.received[0]!.body as {
    text: string;
    host: string;
    snapshotId: string;
    regressions: { kind: string }[];
  };
  expect(payload).toMatchObject({ host: "web", snapshotId: dropped });
  // The tree is writable by the collecting user, so the lost pycs can come back: a drop, not a blocked rise.
  expect(payload.regressions.map((r) => r.kind).sort()).toEqual(["coverage-drop"]);
  const [was, now] = [await getSnapshotOrThrow(steady), await getSnapshotOrThrow(dropped)].map(startupCoveragePercent);
  expect(now).toBeLessThan(was!);
  expect(payload.text).toContain(`startup coverage fell from ${was}% to ${now}% (vs previous)`);
  expect(receiver.received[0]!.headers["content-type"]).toBe("application/json");
  expect((await getSnapshotOrThrow(dropped)).regressions).toHaveLength(1);

  receiver.respondWith([500, 503]);
  fs.mkdirSync(path.join(app.app, "webapp", "__pycache__"), { mode: 0o777 });
  fs.chmodSync(path.join(app.app, "webapp", "__pycache__"), 0o777); // world-writable: a new critical finding
  const critical = await collect("web");
  expect(receiver.received).toHaveLength(4);
  expect((receiver.received[3]!.body as { regressions: { kind: string }[] }).regressions.map((r) => r.kind)).toEqual([
    "new-critical",
  ]);
  expect(deliveryLog().rows).toEqual([
    { snapshotId: dropped, attempt: 1, outcome: "delivered", httpStatus: 200 },
    { snapshotId: critical, attempt: 1, outcome: "failed", httpStatus: 500 },
    { snapshotId: critical, attempt: 2, outcome: "failed", httpStatus: 503 },
    { snapshotId: critical, attempt: 3, outcome: "delivered", httpStatus: 200 },
  ]);
  expect(first).not.toBe(dropped);
});

test("a receiver that never answers 2xx gets every attempt, each one logged as failed", async () => {
  const { deliverWebhook } = await import("@/lib/webhooks/deliver-webhook");
  receiver.respondWith([500, 500, 500]);
  const before = receiver.received.length;
  const ok = await deliverWebhook(receiver.url, { text: "t", host: "web", snapshotId: "s-never" });
  expect(ok).toBe(false);
  expect(receiver.received.length - before).toBe(3);
  expect(
    deliveryLog()
      .rows.filter((r) => r.snapshotId === "s-never")
      .map((r) => r.outcome),
  ).toEqual(["failed", "failed", "failed"]);
});
