import fs from "node:fs";
import path from "node:path";
import { brotliDecompressSync } from "node:zlib";
import Database from "../support/sqlite-database";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { collectOk, collectRaw, rootAt, sourceAt, testSpec } from "../support/fixtures/collect";
import { compileTree } from "../support/fixtures/compile-tree";
import { writeTree } from "../support/fixtures/deployment";
import { editSource, patchPyc } from "../support/fixtures/edits";
import { createVenv, type Venv } from "../support/fixtures/venv";
import { cacheFromSource, realPython } from "../support/python";
import { tempDir } from "../support/temp-dir";

// The collector sends the per-file records while it walks (lib/collector/python/55_records.py), but only
// records that are final: a fresh pyc may still turn stale after the walk (hash pycs are checked in one
// helper run; bodies are unmarshalled when the tree has at most MARSHAL_CHECK_MAX fresh pycs). Real
// Python, real compileall, real pycs.

const MARSHAL_CHECK_MAX = Number(
  /^MARSHAL_CHECK_MAX = (\d+)$/m.exec(
    fs.readFileSync(path.resolve(import.meta.dirname, "../../lib/collector/python/50_pyc.py"), "utf8"),
  )![1],
);
const temp = tempDir("deploylens-streaming-");
const databaseFile = path.join(temp.dir, "store.db");
/** More fresh timestamp pycs than the marshal check takes, then a package of hash pycs, one edited. */
const big = path.join(temp.dir, "big");
/**
 * Half as many fresh pycs as the marshal check takes (the stdlib modules the startup closure judges count too),
 * the first one in walk order with a body cut short: more than RECORD_BATCH sources, all held back.
 */
const HELD = MARSHAL_CHECK_MAX / 2;
const held = path.join(temp.dir, "held");
/** More fresh pycs than the marshal check takes, after a package the startup closure imports: fresh, stale, missing. */
const sent = path.join(temp.dir, "sent");
let venv: Venv;
afterAll(() => temp.remove());

function modules(count: number, prefix = "m"): Record<string, string> {
  const width = String(count).length;
  return Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`${prefix}${String(i).padStart(width, "0")}.py`, `X = ${i}\n`]),
  );
}

function inPackage(pkg: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries([[`${pkg}/__init__.py`, ""], ...Object.entries(files).map(([n, t]) => [`${pkg}/${n}`, t])]);
}

beforeAll(() => {
  process.env.DATABASE_URL = `file:${databaseFile}`; // lib/db/client reads it when first imported
  migrate({ file: databaseFile });
  venv = createVenv(realPython(), path.join(temp.dir, "venv"));
  const packages = Math.ceil((MARSHAL_CHECK_MAX * 2) / 100);
  for (let p = 0; p < packages; p++) writeTree(big, inPackage(`p${String(p).padStart(2, "0")}`, modules(100)));
  writeTree(big, inPackage("zz_hashed", { "edited.py": "X = 1\n", "kept.py": "X = 2\n" }));
  compileTree(venv.python, big);
  compileTree(venv.python, path.join(big, "zz_hashed"), { mode: "checked-hash" });
  editSource(path.join(big, "zz_hashed", "edited.py"));

  writeTree(held, { "a_cut.py": "X = 0\n", ...inPackage("pkg", modules(HELD - 2)) });
  compileTree(venv.python, held);
  patchPyc(cacheFromSource(venv.python, path.join(held, "a_cut.py")), { truncateTo: 24 });

  writeTree(sent, {
    "app/__init__.py": "from . import edited, kept, uncompiled\n",
    "app/edited.py": "X = 1\n",
    "app/kept.py": "X = 2\n",
    "app/uncompiled.py": "X = 3\n",
  });
  for (let p = 0; p < Math.ceil((MARSHAL_CHECK_MAX * 1.2) / 100); p++)
    writeTree(sent, inPackage(`p${String(p).padStart(2, "0")}`, modules(100)));
  compileTree(venv.python, sent);
  editSource(path.join(sent, "app", "edited.py"));
  fs.rmSync(cacheFromSource(venv.python, path.join(sent, "app", "uncompiled.py")));
}, 300_000);

type Line = { type: string; phase?: string; root?: number; field?: string; items?: unknown[] };

/** The collector's stdout lines, and the index of the first one written after the walk ended. */
async function streamed(root: string): Promise<{ lines: Line[]; walkEnd: number }> {
  const raw = await collectRaw(testSpec({ appRoots: [root], python: venv.python }));
  expect(raw.exitCode, raw.stderr).toBe(0);
  const lines = raw.stdout
    .toString("utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
  const walking = new Set(["start", "service", "interpreter", "walk"]);
  const walkEnd = lines.findIndex((l) => l.type === "result" || (l.type === "progress" && !walking.has(l.phase!)));
  return { lines, walkEnd };
}

let bigStream: ReturnType<typeof streamed> | undefined;

test("a tree with more fresh pycs than the marshal check takes sends records before its walk ends", async () => {
  const { lines, walkEnd } = await (bigStream ??= streamed(big));
  const records = lines.flatMap((l, i) => (l.type === "records" ? [i] : []));
  expect(records[0]).toBeLessThan(walkEnd);
  const early = records.filter((i) => i < walkEnd).reduce((n, i) => n + lines[i]!.items!.length, 0);
  expect(early).toBeGreaterThan(MARSHAL_CHECK_MAX);
  // Root by root; within the root the fields interleave as each array fills its lines.
  const order = records.map((i) => lines[i]!);
  expect(order.map((l) => l.root)).toEqual([...order.map((l) => l.root!)].sort((a, b) => a - b));
  expect(order.findIndex((l) => l.field === "dirs")).toBeGreaterThan(order.findIndex((l) => l.field === "sources"));
});

test("a hash pyc's record waits for its hash check, and every record after it with it", async () => {
  const { lines, walkEnd } = await (bigStream ??= streamed(big));
  // Sources travel as rows, the path first (SOURCE_ROW).
  const holding = lines.findIndex(
    (l) => l.field === "sources" && (l.items ?? []).some((s) => (s as unknown[])[0] === "zz_hashed/edited.py"),
  );
  expect(holding).toBeGreaterThan(walkEnd);
  const { inventory } = await collectOk(testSpec({ appRoots: [big], python: venv.python }));
  const root = rootAt(inventory, big);
  expect(sourceAt(root, "zz_hashed/edited.py")).toMatchObject({ status: "stale", reason: "hash", pyc: "checked-hash" });
  expect(sourceAt(root, "zz_hashed/kept.py")).toMatchObject({ status: "fresh", pyc: "checked-hash" });
  expect(root.sources.filter((s) => s.status === "fresh")).toHaveLength(root.sources.length - 1);
});

test("a tree with few fresh pycs sends no record before the walk ends, so the marshal check still finds a cut body", async () => {
  const { lines, walkEnd } = await streamed(held);
  expect(lines.findIndex((l) => l.type === "records")).toBeGreaterThan(walkEnd);
  const { inventory } = await collectOk(testSpec({ appRoots: [held], python: venv.python }));
  const root = rootAt(inventory, held);
  expect(root.sources).toHaveLength(HELD);
  expect(sourceAt(root, "a_cut.py")).toMatchObject({ status: "stale", reason: "truncated", pyc: "timestamp" });
  expect(root.sources.filter((s) => s.status === "fresh")).toHaveLength(HELD - 1);
});

test("the startup closure judges its files whose records left during the walk as those records say", async () => {
  const { lines, walkEnd } = await streamed(sent);
  const leftAt = lines.findIndex(
    (l) => l.field === "sources" && (l.items ?? []).some((s) => (s as unknown[])[0] === "app/edited.py"),
  );
  expect(leftAt).toBeLessThan(walkEnd);
  const { inventory } = await collectOk(testSpec({ appRoots: [sent], python: venv.python }));
  const root = rootAt(inventory, sent);
  const modules = Object.fromEntries((inventory.startup?.modules ?? []).map((m) => [m.name, m]));
  for (const [name, file, status] of [
    ["app", "app/__init__.py", "fresh"],
    ["app.edited", "app/edited.py", "stale"],
    ["app.kept", "app/kept.py", "fresh"],
    ["app.uncompiled", "app/uncompiled.py", "missing"],
  ] as const) {
    const source = sourceAt(root, file);
    expect(source.status, file).toBe(status);
    expect(modules[name], name).toMatchObject({ path: path.join(sent, file), status, reason: source.reason });
  }
});

test("an identical re-collection of a streamed tree stores no new inventory", async () => {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const { loadSnapshot } = await import("@/lib/db/load-snapshot");
  const host = await createHost({
    transport: "local",
    name: "streamed",
    appRoots: [big],
    python: venv.python,
    measureStartup: false,
  });
  const first = await collectHost(host);
  const second = await collectHost(host);
  expect([first.ok, second.ok], `${first.message} ${second.message}`).toEqual([true, true]);
  const db = new Database(databaseFile, { readonly: true });
  const blobs = db.prepare(`SELECT data, rawBytes FROM InventoryBlob`).all() as { data: Buffer; rawBytes: number }[];
  const shas = db.prepare(`SELECT DISTINCT blobSha256 FROM Snapshot`).all();
  db.close();
  expect([blobs.length, shas.length]).toEqual([1, 1]);
  // Stored as it arrived: format 3, the root's fields interleaved.
  const stored = brotliDecompressSync(blobs[0]!.data).toString("utf8").split("\n");
  expect(stored[0]).toBe('{"deploylensBlob":3}');
  const fields = stored.filter((l) => l.startsWith("[")).map((l) => (JSON.parse(l) as [number, string])[1]);
  expect(fields.indexOf("dirs")).toBeGreaterThan(fields.indexOf("sources"));
  const [a, b] = await Promise.all([loadSnapshot(first.snapshotId), loadSnapshot(second.snapshotId)]);
  expect(b.input?.inventory).toEqual(a.input?.inventory);
  expect(a.row.stale).toBe(1);
  expect(a.row.fresh).toBe(a.row.sources - 1);
});
