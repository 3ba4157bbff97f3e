import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { tsxNodeArgs } from "../tsx-node-args";

const WORKER = path.join(import.meta.dirname, "store-large-worker.ts");

export type StoreLargeJob = { databaseFile: string; resultFile: string; sources: number };
export type StoreLargeResult = { generateMs: number[]; storeMs: number[] };

/**
 * A fresh database in `dir` holding the hosts large-a and large-b, each with one stored snapshot of `sources`
 * generated files (large-inventory.ts). Untimed by the figures: it only prepares what `deploylens compare` reads.
 */
export async function storeLargeSnapshots(
  dir: string,
  sources: number,
): Promise<StoreLargeResult & { databaseFile: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const job: StoreLargeJob = {
    databaseFile: path.join(dir, "large.db"),
    resultFile: path.join(dir, "store-result.json"),
    sources,
  };
  const jobFile = path.join(dir, "store-job.json");
  fs.writeFileSync(jobFile, JSON.stringify(job));
  // A million sources as objects, their canonical encoding and brotli's buffers are alive at once: give the heap room.
  const args = ["--max-old-space-size=8192", ...tsxNodeArgs(), WORKER, jobFile];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0 || !fs.existsSync(job.resultFile))
    throw new Error(`store-large worker exited with ${code}:\n${output}`);
  const result = JSON.parse(fs.readFileSync(job.resultFile, "utf8")) as StoreLargeResult;
  return { ...result, databaseFile: job.databaseFile };
}
