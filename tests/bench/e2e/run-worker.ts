import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { tsxNodeArgs } from "../tsx-node-args";
import type { WorkerJob, WorkerResult } from "./worker-protocol";

const WORKER = path.join(import.meta.dirname, "snapshot-worker.ts");

/** Runs one snapshot worker (fresh database in `dir`) and returns its figures; throws with its output on failure. */
export async function runWorker(
  dir: string,
  options: Omit<WorkerJob, "databaseFile" | "resultFile">,
): Promise<WorkerResult> {
  fs.mkdirSync(dir, { recursive: true });
  const job: WorkerJob = {
    ...options,
    databaseFile: path.join(dir, "bench.db"),
    resultFile: path.join(dir, "result.json"),
  };
  const jobFile = path.join(dir, "job.json");
  fs.writeFileSync(jobFile, JSON.stringify(job));
  const child = spawn(process.execPath, [...tsxNodeArgs(), WORKER, jobFile], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0 || !fs.existsSync(job.resultFile)) throw new Error(`snapshot worker exited with ${code}:\n${output}`);
  return JSON.parse(fs.readFileSync(job.resultFile, "utf8")) as WorkerResult;
}
