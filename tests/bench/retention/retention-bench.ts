import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import { noMeasurements, syntheticInventory } from "../../support/synthetic-history";
import type { BenchOptions } from "../bench-options";
import { writeResultsSection } from "./results-section";

const HOSTS = 10;
const DAYS = 365;
const FRESH = 4_000;
const MISSING = 1_000;
const DAY = 86_400_000;
const log = (line: string) => console.log(`[bench] ${line}`);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A year of hourly snapshots of 10 hosts (5,000 sources each), one deploy a week per host (a new
 * inventory, coverage down for the hour it takes to compile), retention run daily as the server does.
 * Unchanged hours are stored exactly as storeSnapshot stores an identical inventory: a row that points
 * at the existing blob.
 */
export async function retentionBench(options: BenchOptions): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-bench-retention-"));
  const databaseFile = path.join(work, "retention.db");
  process.env.DATABASE_URL = `file:${databaseFile}`;
  migrate({ file: databaseFile });
  const { prisma } = await import("@/lib/db/client");
  const { createHost } = await import("@/lib/hosts/create-host");
  const { storeSnapshot } = await import("@/lib/jobs/record-snapshot");
  const { updateHostBaseline } = await import("@/lib/db/queries/host-updates");
  const { pruneSnapshots } = await import("@/lib/retention/prune-snapshots");
  const { sqliteStoreBytes } = await import("@/lib/db/sqlite-store-size");
  const started = performance.now();
  const hosts = [];
  for (let h = 0; h < HOSTS; h++)
    hosts.push(await createHost({ name: `host-${h}`, transport: "local", appRoots: ["/srv/app"] }));
  const base = Date.UTC(2025, 0, 1);
  const last = new Map<string, string>();
  let created = 0;
  const rows = new Map<string, Awaited<ReturnType<typeof prisma.snapshot.findUniqueOrThrow>>>();
  const template = async (id: string) => {
    if (!rows.has(id)) rows.set(id, await prisma.snapshot.findUniqueOrThrow({ where: { id } }));
    return rows.get(id)!;
  };
  let sizeAt30 = 0;
  for (let day = 0; day < DAYS; day++) {
    for (const [h, host] of hosts.entries()) {
      const deployDay = day % 7 === h % 7;
      const version = Math.floor(day / 7) + (day % 7 >= h % 7 ? 1 : 0);
      const clones = [];
      for (let hour = 0; hour < 24; hour++) {
        const takenAt = new Date(base + day * DAY + hour * 3_600_000);
        if ((deployDay && (hour === 10 || hour === 11)) || !last.has(host.id)) {
          const [fresh, missing] = hour === 10 ? [FRESH - 1_000, MISSING + 1_000] : [FRESH, MISSING];
          const inventory = syntheticInventory(fresh, missing, version, host.name);
          const id = await storeSnapshot(
            host.id,
            { ok: true, inventory, measurements: noMeasurements },
            { takenAt, durationMs: 900 },
          );
          last.set(host.id, id);
          if (day === 0) await updateHostBaseline(host.id, id);
        } else {
          const { id: _id, takenAt: _t, ...same } = await template(last.get(host.id)!);
          clones.push({ ...same, takenAt });
        }
        created += 1;
      }
      await prisma.snapshot.createMany({ data: clones });
    }
    await pruneSnapshots({ dryRun: false, now: new Date(base + (day + 1) * DAY) });
    if (day === 29) sizeAt30 = sqliteStoreBytes(databaseFile);
    if (day % 30 === 29)
      log(`day ${day + 1}: ${mb(sqliteStoreBytes(databaseFile))}, ${await prisma.snapshot.count()} snapshots kept`);
  }
  const size = sqliteStoreBytes(databaseFile);
  const kept = await prisma.snapshot.count();
  const blobs = await prisma.inventoryBlob.count();
  const minutes = ((performance.now() - started) / 60_000).toFixed(1);
  const body = [
    "## Retention: store size after a simulated year",
    "",
    `Command: \`npm run bench -- --only retention\` (${new Date().toISOString().slice(0, 10)}, ${minutes} min).`,
    `${HOSTS} hosts × ${DAYS} days × 24 hourly snapshots = ${created.toLocaleString("en")} snapshots taken, ${FRESH + MISSING} sources per host,`,
    "one deploy a week per host (a new inventory; coverage down for one hour), the default policy applied daily",
    "(everything for 30 days, then the last of each day; state changes and baselines always).",
    "",
    "| | |",
    "| --- | --- |",
    `| Store size after one year | **${mb(size)}** |`,
    `| Snapshots kept / taken | ${kept.toLocaleString("en")} / ${created.toLocaleString("en")} |`,
    `| Inventory blobs kept | ${blobs} |`,
    `| Store size after 30 days (nothing pruned yet) | ${mb(sizeAt30)} |`,
    `| Without retention, extrapolated (30-day size × 365/30) | ≈ ${mb((sizeAt30 * DAYS) / 30)} |`,
  ].join("\n");
  console.log(`\n${body}\n`);
  if (!options.smoke)
    writeResultsSection(
      path.join(options.out ?? import.meta.dirname, options.out ? "RESULTS.md" : "../RESULTS.md"),
      "retention",
      body,
    );
  await prisma.$disconnect();
  fs.rmSync(work, { recursive: true, force: true });
}
