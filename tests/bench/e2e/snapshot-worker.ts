// A child process of the bench: one fresh SQLite database per process, because lib/db/client binds its
// database when first imported. Usage: snapshot-worker.ts JOB.json (see worker-protocol.ts).
import fs from "node:fs";
import { migrate } from "@/lib/db/migrate";
import { createBenchHost } from "./bench-host";
import { compareTiming } from "./compare-timing";
import { timedCollect } from "./timed-collect";
import type { WorkerJob, WorkerResult } from "./worker-protocol";

async function main(job: WorkerJob): Promise<WorkerResult> {
  process.env.DATABASE_URL = `file:${job.databaseFile}`;
  migrate({ file: job.databaseFile });
  const hostA = await createBenchHost("bench-a", job.rootA, job.target, job.python);
  const first = await timedCollect(hostA, job.databaseFile, {
    cpuProfileFile: job.cpuProfileFile,
    heapProfileFile: job.heapProfileFile,
  });
  if (!first.ok) return { first, again: null, compare: null };
  const again = job.resnapshot ? await timedCollect(hostA, job.databaseFile) : null;
  if (!job.rootB) return { first, again, compare: null };
  const hostB = await createBenchHost("bench-b", job.rootB, job.target, job.python);
  const { collectHost } = await import("@/lib/jobs/collect-host");
  const { findLatestOkSnapshot } = await import("@/lib/db/queries/snapshots");
  const right = await collectHost(hostB);
  if (!right.ok) throw new Error(`snapshot of ${job.rootB} failed: ${right.code}: ${right.message}`);
  const left = await findLatestOkSnapshot(hostA.id);
  return {
    first,
    again,
    compare: await compareTiming(left!.id, right.snapshotId, job.compareRuns, job.compareProfileFile ?? null),
  };
}

const jobFile = process.argv[2];
if (!jobFile) throw new Error("usage: snapshot-worker.ts JOB.json");
const job = JSON.parse(fs.readFileSync(jobFile, "utf8")) as WorkerJob;
const result = await main(job);
fs.writeFileSync(job.resultFile, JSON.stringify(result));
// Prisma's pool and timers must not keep the process alive.
process.exit(0);
