import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BENCH_LIMITS } from "../e2e/bench-host";
import type { BenchTarget } from "../e2e/worker-protocol";
import { measuredProcess, type MeasuredRun } from "./measured-process";

const BIN = path.resolve(import.meta.dirname, "../../../bin/deploylens");

/** `deploylens ARGS` as a user runs it (node bin/deploylens), against its own database file. */
export function deploylens(args: string[], databaseFile: string | null): Promise<MeasuredRun> {
  return measuredProcess([process.execPath, BIN, ...args], { env: cliEnv(databaseFile) });
}

/** A user's shell: without vitest's NODE_ENV=test (the smoke test runs the bench), with the bench's database. */
function cliEnv(databaseFile: string | null): NodeJS.ProcessEnv {
  const env = { ...process.env, NO_COLOR: "1", ...(databaseFile ? { DATABASE_URL: `file:${databaseFile}` } : {}) };
  delete (env as Record<string, unknown>).NODE_ENV;
  return env;
}

/** Runs a CLI command that must succeed; throws with its stderr otherwise. */
export async function deploylensOk(args: string[], databaseFile: string | null): Promise<MeasuredRun> {
  const run = await deploylens(args, databaseFile);
  if (run.code !== 0) throw new Error(`deploylens ${args.join(" ")} exited with ${run.code}: ${run.stderr}`);
  return run;
}

/**
 * A fresh database in `dir` holding one SSH host on the bench sshd, added with `hosts add` as a user
 * would; the first collection pins the host key (--accept-host-key). Returns the database file.
 */
export async function cliHost(dir: string, name: string, root: string, target: BenchTarget, python: string) {
  fs.mkdirSync(dir, { recursive: true });
  const databaseFile = path.join(dir, "bench.db");
  await addCliHost(databaseFile, name, root, target, python);
  return databaseFile;
}

/** `hosts add` of an SSH host on the bench sshd with the bench's limits (never truncated) and no startup cost. */
export async function addCliHost(
  databaseFile: string,
  name: string,
  root: string,
  target: BenchTarget,
  python: string,
) {
  await deploylensOk(
    [
      ...["hosts", "add", name, "--ssh", `${target.user}@${target.host}:${target.port}`],
      ...["--identity", target.privateKeyPath, "--app-root", root, "--python", python, "--no-startup-cost"],
      ...["--max-files", String(BENCH_LIMITS.maxFiles), "--timeout", String(BENCH_LIMITS.timeoutSeconds)],
      "--accept-host-key",
    ],
    databaseFile,
  );
}

export type CliSnapshotRow = { id: string; status: string; sources: number; errorCode: string | null };

/** The host's latest snapshot as `snapshots NAME --json` lists it (untimed: a check, not a figure). */
export async function latestCliSnapshot(databaseFile: string, name: string): Promise<CliSnapshotRow> {
  const stdout = execFileSync(process.execPath, [BIN, "snapshots", name, "--json", "--limit", "1"], {
    env: cliEnv(databaseFile),
    encoding: "utf8",
  });
  const rows = JSON.parse(stdout) as CliSnapshotRow[];
  if (!rows[0]) throw new Error(`${name} has no snapshot`);
  return rows[0];
}
