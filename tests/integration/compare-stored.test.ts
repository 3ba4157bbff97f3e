import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { Inventory } from "@/lib/snapshot/schema";
import { InventoryBuilder } from "../support/inventory-builder";
import { tempDir } from "../support/temp-dir";

// A stored comparison reads both blobs once as they inflate (lib/compare/compare-stored.ts); it must say exactly what compare() of
// the two decoded snapshots says.

const temp = tempDir("deploylens-compare-stored-");
const databaseFile = path.join(temp.dir, "compare.db");
afterAll(() => temp.remove());

beforeAll(() => {
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
});

const SITE = "/srv/venv/lib/python3.11/site-packages";

/** Two roots; the right side lists some files in another order, drops some and adds others. */
function left(): Inventory {
  return new InventoryBuilder({ user: "app" })
    .root("/srv/app")
    .sources(40, "fresh", "pkg")
    .sources(30, "stale", "pkg/sub")
    .source("pkg/gone.py", "missing")
    .dir("pkg/sub", { mode: 0o555 })
    .root(SITE, { kind: "site-packages" })
    .sources(25, "fresh", "six")
    .build();
}

function right(): Inventory {
  const builder = new InventoryBuilder({ user: "app" }).root("/opt/app");
  for (let i = 39; i >= 0; i--) builder.source(`pkg/m${i}.py`, i % 7 === 0 ? "stale" : "fresh");
  return builder
    .sources(30, "fresh", "pkg/sub")
    .source("pkg/new.py", "missing")
    .root(SITE, { kind: "site-packages" })
    .sources(20, "fresh", "six")
    .root("/srv/venv2/lib/python3.11/site-packages", { kind: "site-packages" })
    .sources(3, "missing", "extra")
    .build();
}

async function stored(name: string, inventory: Inventory) {
  const { createHost } = await import("@/lib/hosts/create-host");
  const { recordSnapshot } = await import("@/lib/jobs/record-snapshot");
  const { getSnapshotOrThrow } = await import("@/lib/db/queries/snapshots");
  const host = await createHost({ transport: "local", name, appRoots: [inventory.roots[0]!.path] });
  const measurements = { collectorMs: 0, startup: null };
  const { id } = await recordSnapshot(
    host.id,
    { ok: true, inventory, measurements },
    { takenAt: new Date(), durationMs: 0 },
  );
  return getSnapshotOrThrow(id);
}

test.each([
  ["bounded rows", { rowLimit: 5 }],
  ["every row (a CSV export)", { rowLimit: Infinity }],
])("a streamed comparison of two stored snapshots equals compare() of them decoded: %s", async (_, options) => {
  const { compare } = await import("@/lib/compare/compare");
  const { compareStored } = await import("@/lib/compare/compare-stored");
  const { toSnapshotInput } = await import("@/lib/db/load-snapshot");
  const [l, r] = await Promise.all([stored(`l-${options.rowLimit}`, left()), stored(`r-${options.rowLimit}`, right())]);
  const [li, ri] = await Promise.all([toSnapshotInput(l), toSnapshotInput(r)]);
  const expected = compare(li!, ri!, options);
  expect(expected.files.total).toBeGreaterThan(5);
  // Stored with their views: the streamed path, not the fallback below.
  expect([l.view, r.view]).not.toContain(null);
  const streamed = await compareStored(l, r, options);
  expect(streamed).toEqual(expected);
  // Exports print it as JSON: the same keys in the same order, byte for byte.
  expect(JSON.stringify(streamed)).toBe(JSON.stringify(expected));
  expect(await compareStored(r, l, options)).toEqual(compare(ri!, li!, options));
});

test("snapshots stored before views are compared from their blobs, with the same result", async () => {
  const { compare } = await import("@/lib/compare/compare");
  const { compareStored } = await import("@/lib/compare/compare-stored");
  const { toSnapshotInput } = await import("@/lib/db/load-snapshot");
  const { prisma } = await import("@/lib/db/client");
  const { getSnapshotOrThrow } = await import("@/lib/db/queries/snapshots");
  const [l, r] = await Promise.all([stored("old-l", left()), stored("old-r", right())]);
  const expected = compare((await toSnapshotInput(l))!, (await toSnapshotInput(r))!);
  await prisma.snapshot.update({ where: { id: l.id }, data: { view: null } });
  const withoutView = await getSnapshotOrThrow(l.id);
  expect(withoutView.view).toBeNull();
  expect(await compareStored(withoutView, r)).toEqual(expected);
});
