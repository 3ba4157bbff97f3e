// A child process of the bench: stores two generated snapshots of `sources` files (variants a and b of the bench
// tree's layout) into a fresh SQLite file, through the store path every collection takes (recordSnapshot), as the
// hosts large-a and large-b. Usage: store-large-worker.ts JOB.json (see store-large.ts).
import fs from "node:fs";
import { migrate } from "@/lib/db/migrate";
import type { StoreLargeJob, StoreLargeResult } from "./store-large";

async function main(job: StoreLargeJob): Promise<StoreLargeResult> {
  process.env.DATABASE_URL = `file:${job.databaseFile}`;
  migrate({ file: job.databaseFile });
  const { largeInventory } = await import("./large-inventory");
  const { createHost } = await import("@/lib/hosts/create-host");
  const { recordSnapshot } = await import("@/lib/jobs/record-snapshot");
  const result: StoreLargeResult = { generateMs: [], storeMs: [] };
  for (const variant of ["a", "b"] as const) {
    let started = performance.now();
    const inventory = largeInventory(job.sources, variant);
    result.generateMs.push(performance.now() - started);
    const host = await createHost({
      transport: "local",
      name: `large-${variant}`,
      appRoots: [inventory.roots[0]!.path],
    });
    started = performance.now();
    const measurements = { collectorMs: 0, startup: null };
    await recordSnapshot(host.id, { ok: true, inventory, measurements }, { takenAt: new Date(), durationMs: 0 });
    result.storeMs.push(performance.now() - started);
  }
  return result;
}

const jobFile = process.argv[2];
if (!jobFile) throw new Error("usage: store-large-worker.ts JOB.json");
const job = JSON.parse(fs.readFileSync(jobFile, "utf8")) as StoreLargeJob;
fs.writeFileSync(job.resultFile, JSON.stringify(await main(job)));
// Prisma's pool and timers must not keep the process alive.
process.exit(0);
