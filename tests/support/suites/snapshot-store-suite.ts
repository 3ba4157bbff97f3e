import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { tempDir } from "../temp-dir";

/** What the suite needs of the database under test: a migrated DATABASE_URL and a way to read it directly. */
export type StoreUnderTest = {
  /** Migrates a fresh database and returns the DATABASE_URL naming it. */
  open: (dir: string) => Promise<string>;
  /** Logical bytes: every blob's stored bytes plus every column of every snapshot row. */
  storedBytes: () => Promise<{ blobs: number; blobBytes: number; snapshotBytes: number }>;
  snapshotRow: (id: string) => Promise<{ status: string; errorCode: string | null; blobSha256: string | null }>;
  close?: () => Promise<void>;
};

/** How snapshots are stored and read back, the same on every database (snapshot-store*.test.ts). */
export function snapshotStoreSuite(store: StoreUnderTest) {
  const temp = tempDir("deploylens-store-");
  const appRoot = path.join(temp.dir, "app");
  const venv = path.join(temp.dir, "venv");
  const python = path.join(venv, "bin", "python3");

  // lib/db/client reads DATABASE_URL when it is first imported.
  beforeAll(async () => {
    process.env.DATABASE_URL = await store.open(temp.dir);
    fs.mkdirSync(path.join(appRoot, "pkg"), { recursive: true });
    for (let i = 0; i < 200; i++) fs.writeFileSync(path.join(appRoot, "pkg", `m${i}.py`), `X = ${i}\n`);
    const env = { ...process.env };
    delete env.PYTHONDONTWRITEBYTECODE;
    execFileSync("python3", ["-m", "compileall", "-q", appRoot], { env });
    // The service's own interpreter: a venv with no packages, so only the app root has sources.
    execFileSync("python3", ["-m", "venv", "--without-pip", venv], { env });
  });
  afterAll(async () => {
    const { prisma } = await import("@/lib/db/client");
    await prisma.$disconnect();
    await store.close?.();
    temp.remove();
  });

  test("an identical re-snapshot reuses the stored inventory and adds under 2 KB", async () => {
    const { createHost } = await import("@/lib/hosts/create-host");
    const { collectHost } = await import("@/lib/jobs/collect-host");
    const { loadSnapshot } = await import("@/lib/db/load-snapshot");
    const host = await createHost({
      transport: "local",
      name: "here",
      appRoots: [appRoot],
      python,
      measureStartup: false,
    });

    const first = await collectHost(host);
    expect(first.ok, first.message ?? "").toBe(true);
    const afterFirst = await store.storedBytes();
    expect(afterFirst.blobs).toBe(1);

    const second = await collectHost(host);
    expect(second.ok, second.message ?? "").toBe(true);
    const afterSecond = await store.storedBytes();
    expect(afterSecond.blobs).toBe(1);
    expect(afterSecond.blobBytes - afterFirst.blobBytes).toBe(0);
    expect(afterSecond.snapshotBytes - afterFirst.snapshotBytes).toBeLessThan(2048);

    const [a, b] = await Promise.all([loadSnapshot(first.snapshotId), loadSnapshot(second.snapshotId)]);
    expect(b.input?.inventory).toEqual(a.input?.inventory);
    expect(a.row.sources).toBe(200);
    expect(a.row.fresh).toBe(200);
  });

  test("a changed target stores a new inventory, and the old snapshot still reads as it was", async () => {
    const { findHost } = await import("@/lib/db/queries/hosts");
    const { collectHost } = await import("@/lib/jobs/collect-host");
    const { loadSnapshot } = await import("@/lib/db/load-snapshot");
    const host = (await findHost("here"))!;
    const before = await collectHost(host);
    fs.appendFileSync(path.join(appRoot, "pkg", "m1.py"), "Y = 2\n"); // size changes: its pyc is now stale
    const after = await collectHost(host);
    expect((await store.storedBytes()).blobs).toBe(2);
    const [old, now] = await Promise.all([loadSnapshot(before.snapshotId), loadSnapshot(after.snapshotId)]);
    expect([old.row.fresh, old.row.stale]).toEqual([200, 0]);
    expect([now.row.fresh, now.row.stale]).toEqual([199, 1]);
  });

  test("a collection that fails (no such interpreter) is stored as failed with a specific code, never as ok", async () => {
    const { createHost } = await import("@/lib/hosts/create-host");
    const { collectHost } = await import("@/lib/jobs/collect-host");
    const host = await createHost({
      transport: "local",
      name: "bad-python",
      appRoots: [appRoot],
      python: "/nonexistent/python3",
    });
    const result = await collectHost(host);
    expect(result.ok).toBe(false);
    expect(result.code).toBeTruthy();
    expect(await store.snapshotRow(result.snapshotId)).toEqual({
      status: "failed",
      errorCode: result.code,
      blobSha256: null,
    });
  });

  test("a snapshot keeps the view computed when it was stored, and reads it back instead of re-analysing", async () => {
    const { findHost } = await import("@/lib/db/queries/hosts");
    const { collectHost } = await import("@/lib/jobs/collect-host");
    const { loadSnapshot } = await import("@/lib/db/load-snapshot");
    const { snapshotViewOf } = await import("@/lib/analysis/snapshot-view");
    const { decodeView, encodeView } = await import("@/lib/db/snapshot-columns");
    const { viewOfSnapshot } = await import("@/lib/snapshot-reads/view-of-snapshot");
    const { getSnapshotOrThrow } = await import("@/lib/db/queries/snapshots");
    const { prisma } = await import("@/lib/db/client");
    const result = await collectHost((await findHost("here"))!);
    expect(result.ok, result.message ?? "").toBe(true);
    const { row, input } = await loadSnapshot(result.snapshotId);
    const computed = snapshotViewOf(input!);
    const stored = decodeView(row.view);
    expect(stored).toEqual(JSON.parse(JSON.stringify(computed)));
    expect(stored!.findings.length).toBeGreaterThan(0);

    // What is read is the stored view: a view stored without findings reads without findings.
    const edited = { ...stored!, findings: [] };
    await prisma.snapshot.update({ where: { id: row.id }, data: { view: encodeView(edited) } });
    expect((await viewOfSnapshot(await getSnapshotOrThrow(row.id)))!.findings).toEqual([]);

    // A row stored before the view was recorded computes it from its blob, as before.
    await prisma.snapshot.update({ where: { id: row.id }, data: { view: null } });
    expect(await viewOfSnapshot(await getSnapshotOrThrow(row.id))).toEqual(computed);
  });

  test("the host list reads each host's latest and latest successful snapshot in one query", async () => {
    const { findHost } = await import("@/lib/db/queries/hosts");
    const { listSnapshotSummaries } = await import("@/lib/db/queries/host-summaries");
    const [here, bad] = [(await findHost("here"))!, (await findHost("bad-python"))!];
    const summaries = await listSnapshotSummaries([here.id, bad.id]);
    expect(summaries.get(here.id)?.latest?.status).toBe("ok");
    expect(summaries.get(here.id)?.latestOk?.sources).toBe(200);
    expect(summaries.get(bad.id)?.latest?.status).toBe("failed");
    expect(summaries.get(bad.id)?.latestOk).toBeNull();
    const { listHostPage } = await import("@/lib/db/queries/host-summaries");
    expect((await listHostPage({ search: "HER" })).hosts.map((h) => h.name)).toEqual(["here"]);
  });

  test("the store knows its size on disk, and compacting it after a prune keeps every snapshot", async () => {
    const { storeSizeBytes } = await import("@/lib/db/queries/store-size");
    const { compactDatabase } = await import("@/lib/db/queries/retention");
    const { prisma } = await import("@/lib/db/client");
    const before = await prisma.snapshot.count();
    expect(await storeSizeBytes()).toBeGreaterThan(0);
    await compactDatabase();
    expect(await prisma.snapshot.count()).toBe(before);
  });
}
