import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { FileRow } from "@/lib/analysis/file-rows";
import { filterFileRows } from "@/lib/analysis/filter-file-rows";
import { migrate } from "@/lib/db/migrate";
import type { FileQuery } from "@/lib/snapshot-reads/snapshot-files";
import { compileTree } from "../support/fixtures/compile-tree";
import { writeTree } from "../support/fixtures/deployment";
import { createVenv } from "../support/fixtures/venv";
import { realPython } from "../support/python";
import { tempDir } from "../support/temp-dir";

// The file table reads pages from an index file built once per blob (lib/db/file-index): every page and filter
// must be exactly what the decoded inventory's rows say. A real tree, compiled by real Python, collected for real.

const temp = tempDir("deploylens-file-index-");
const databaseFile = path.join(temp.dir, "store.db");
const indexDir = path.join(temp.dir, "file-index");
const app = path.join(temp.dir, "app");
let snapshotId = "";
let python = "";
let expected: FileRow[] = [];
afterAll(() => temp.remove());

const modules = (pkg: string, count: number) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${pkg}/m${String(i).padStart(3, "0")}.py`, `X = ${i}\n`]),
  );

beforeAll(async () => {
  process.env.DATABASE_URL = `file:${databaseFile}`; // lib/db/client reads it when first imported
  migrate({ file: databaseFile });
  const venv = createVenv(realPython(), path.join(temp.dir, "venv"));
  python = venv.python;
  writeTree(app, { ...modules("alpha", 400), ...modules("beta", 300), ...modules("Mixed/Case", 50) });
  compileTree(venv.python, path.join(app, "alpha"));
  compileTree(venv.python, path.join(app, "Mixed"));
  // Stale: edited after compiling.
  for (let i = 0; i < 20; i++)
    fs.appendFileSync(path.join(app, "alpha", `m${String(i).padStart(3, "0")}.py`), "Y = 1\n");
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const { loadSnapshot } = await import("@/lib/db/load-snapshot");
  const { fileRows } = await import("@/lib/analysis/file-rows");
  const result = await collectHost(await createHost(hostInput("indexed")));
  if (!result.ok) throw new Error(`collection failed: ${result.message}`);
  snapshotId = result.snapshotId;
  expected = fileRows((await loadSnapshot(snapshotId)).input!.inventory);
}, 120_000);

const hostInput = (name: string) => ({
  transport: "local" as const,
  name,
  appRoots: [app],
  python,
  measureStartup: false,
});

const query = (q: Partial<FileQuery> = {}): FileQuery => ({
  q: "",
  status: [],
  blocked: "",
  offset: 0,
  limit: 500,
  ...q,
});

async function list(q: Partial<FileQuery> = {}) {
  const { listSnapshotFiles } = await import("@/lib/snapshot-reads/snapshot-files");
  return listSnapshotFiles(snapshotId, query(q));
}

const pageOf = (rows: FileRow[], q: string, statuses: FileRow["status"][]) => {
  const matching = filterFileRows(rows, { query: q, statuses: new Set(statuses), blockedOnly: false });
  return { total: matching.length, rows: matching.slice(0, 500) };
};

const indexFiles = () => fs.readdirSync(indexDir);

test("the tree's rows: three statuses, more than a page", () => {
  expect(expected.length).toBe(750);
  expect(new Set(expected.map((r) => r.status))).toEqual(new Set(["fresh", "stale", "missing"]));
});

test("pages of the whole table, at any offset and limit, are the decoded rows in walk order", async () => {
  const pages: FileRow[] = [];
  for (let offset = 0; offset < expected.length; offset += 128) {
    const page = await list({ offset, limit: 128 });
    expect(page.total).toBe(expected.length);
    pages.push(...page.rows);
  }
  expect(pages).toEqual(expected);
  expect(await list({ offset: 749, limit: 5 })).toEqual({ total: 750, rows: expected.slice(749) });
  expect(await list({ offset: 750 })).toEqual({ total: 750, rows: [] });
});

test("search, status and blocked filters match the in-memory filter, page by page", async () => {
  const filters: Partial<FileQuery>[] = [
    { q: "mixed/case/m01" },
    { q: "  ALPHA/M0  " },
    { q: `${path.basename(app)}/beta` },
    { q: "-file-index-" }, // inside the root's path: every row matches
    { q: "no-such-file" },
    { status: ["stale"] },
    { status: ["fresh", "missing"] },
    { blocked: "1" },
    { q: "m04", status: ["missing"] },
  ];
  for (const filter of filters) {
    const matching = filterFileRows(expected, {
      query: filter.q ?? "",
      statuses: new Set(filter.status ?? []),
      blockedOnly: filter.blocked === "1",
    });
    for (const [offset, limit] of [
      [0, 500],
      [3, 7],
      [matching.length - 2, 10],
    ] as const) {
      const page = await list({ ...filter, offset: Math.max(0, offset), limit });
      expect(page, JSON.stringify(filter)).toEqual({
        total: matching.length,
        rows: matching.slice(Math.max(0, offset), Math.max(0, offset) + limit),
      });
    }
  }
});

test("a filter's total is right when its first page asked for is not its first page (it is counted)", async () => {
  const matching = filterFileRows(expected, { query: "m1", statuses: new Set(["fresh"]), blockedOnly: false });
  expect(matching.length).toBeGreaterThan(20);
  expect(await list({ q: "M1", status: ["fresh"], offset: 15, limit: 4 })).toEqual({
    total: matching.length,
    rows: matching.slice(15, 19),
  });
});

test("the index is built once per blob and reused; a second snapshot of the same tree shares it", async () => {
  const { prepareSnapshotFiles } = await import("@/lib/snapshot-reads/snapshot-files");
  await prepareSnapshotFiles(snapshotId);
  const [sha] = indexFiles();
  expect(indexFiles()).toEqual([sha]);
  const file = path.join(indexDir, sha!);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const before = fs.statSync(file);
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const { listSnapshotFiles } = await import("@/lib/snapshot-reads/snapshot-files");
  const again = await collectHost(await createHost(hostInput("again")));
  expect(again.ok).toBe(true);
  expect((await listSnapshotFiles(again.snapshotId, query({ offset: 10, limit: 3 }))).rows).toEqual(
    expected.slice(10, 13),
  );
  const after = fs.statSync(file);
  expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  expect(indexFiles()).toEqual([sha]);
});

test("readers arriving together build a missing index once; a damaged one is built again", async () => {
  const { removeFileIndexesExcept } = await import("@/lib/db/file-index/remove-file-indexes");
  const sha = indexFiles()[0]!.replace(/\.db$/, "");
  removeFileIndexesExcept(new Set());
  expect(indexFiles()).toEqual([]);
  // The first readers are answered from the inventory the build decoded, while the index is written.
  const pages = await Promise.all([0, 100, 200, 300].map((offset) => list({ offset, limit: 100 })));
  expect(pages.flatMap((p) => p.rows)).toEqual(expected.slice(0, 400));
  const { prepareSnapshotFiles } = await import("@/lib/snapshot-reads/snapshot-files");
  await prepareSnapshotFiles(snapshotId);
  expect(indexFiles()).toEqual([`${sha}.db`]);

  removeFileIndexesExcept(new Set());
  fs.writeFileSync(path.join(indexDir, `${sha}.db`), "not an index");
  expect((await list({ q: "beta/m299" })).rows).toEqual(expected.filter((r) => r.path === "beta/m299.py"));
  await prepareSnapshotFiles(snapshotId);
  expect(indexFiles()).toEqual([`${sha}.db`]);
  expect(fs.statSync(path.join(indexDir, `${sha}.db`)).size).toBeGreaterThan(10_000);
  expect((await list({ q: "beta/m299" })).rows).toEqual(expected.filter((r) => r.path === "beta/m299.py"));
});

test("a collection hands its inventory over while in memory: the index written from it holds the same rows", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const { loadSnapshot } = await import("@/lib/db/load-snapshot");
  const { fileRows } = await import("@/lib/analysis/file-rows");
  const { indexStoredInventory } = await import("@/lib/snapshot-reads/blob-file-index");
  const { listSnapshotFiles, prepareSnapshotFiles } = await import("@/lib/snapshot-reads/snapshot-files");
  fs.writeFileSync(path.join(app, "beta", "added.py"), "Z = 3\n");
  let handed = 0;
  const result = await collectHost(await createHost(hostInput("handed")), undefined, (stored) => {
    handed++;
    return indexStoredInventory(stored);
  });
  expect(result.ok && handed).toBe(1);
  await prepareSnapshotFiles(result.snapshotId);
  const rows = fileRows((await loadSnapshot(result.snapshotId)).input!.inventory);
  expect(rows).toHaveLength(expected.length + 1);
  expect(await listSnapshotFiles(result.snapshotId, query({ limit: 2000 }))).toEqual({ total: rows.length, rows });
  expect(await listSnapshotFiles(result.snapshotId, query({ q: "beta/m00", status: ["missing"] }))).toEqual(
    pageOf(rows, "beta/m00", ["missing"]),
  );
});

test("blocked sources (a root-owned tree the service user cannot write): the index agrees with the decoded rows", async () => {
  const { InventoryBuilder } = await import("../support/inventory-builder");
  const { createHost } = await import("@/lib/hosts/create-host");
  const { recordSnapshot } = await import("@/lib/jobs/record-snapshot");
  const { fileRows } = await import("@/lib/analysis/file-rows");
  const { listSnapshotFiles, prepareSnapshotFiles } = await import("@/lib/snapshot-reads/snapshot-files");
  const inventory = new InventoryBuilder({ user: "svc" })
    .root("/opt/Locked", { owner: "root" })
    .sources(30, "stale", "pkg")
    .sources(30, "missing", "Pkg/Sub")
    .root("/srv/open", { owner: "svc" })
    .sources(20, "missing", "job")
    .build();
  const host = await createHost({ transport: "local", name: "locked", appRoots: ["/opt/Locked"] });
  const { id } = await recordSnapshot(
    host.id,
    { ok: true, inventory, measurements: { collectorMs: 0, startup: null } },
    { takenAt: new Date(), durationMs: 0 },
  );
  const rows = fileRows(inventory);
  expect(rows.filter((r) => r.blocked)).toHaveLength(60);
  await prepareSnapshotFiles(id);
  for (const filter of [{ blocked: "1" as const }, { blocked: "1" as const, q: "locked/pkg/sub" }, { q: "d/pkg/s" }]) {
    const matching = filterFileRows(rows, {
      query: filter.q ?? "",
      statuses: new Set(),
      blockedOnly: filter.blocked === "1",
    });
    expect(await listSnapshotFiles(id, query({ ...filter, limit: 2000 })), JSON.stringify(filter)).toEqual({
      total: matching.length,
      rows: matching,
    });
  }
});

test("a snapshot that does not exist is a 404, as before", async () => {
  const { listSnapshotFiles } = await import("@/lib/snapshot-reads/snapshot-files");
  await expect(listSnapshotFiles("no-such-snapshot", query())).rejects.toMatchObject({ code: "not-found" });
});
