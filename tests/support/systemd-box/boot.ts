import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { onProcessExit } from "../sshd/exit-cleanup";

export type Booted = {
  machine: string;
  /** The container's systemd (PID 1 inside), as a host PID: nsenter's target. */
  leader: number;
  /** Everything nspawn and the container's console printed, for failure messages. */
  logs(): string;
  stop(): Promise<void>;
};

export type ExecResult = { code: number | null; stdout: string; stderr: string };

let counter = 0;

/**
 * Boots `root` with systemd-nspawn on the host's network. --volatile=overlay puts a tmpfs over the
 * read-only tree, so the cached tree is never dirtied and nothing needs cleaning after a boot.
 * --register=no --keep-unit: nspawn then needs no systemd on the host (this machine's PID 1 is not).
 * --system-call-filter lets the container's root use fanotify, as root on a VPS can (nspawn's own filter
 * refuses it): the observer ties opens to the service's unit with it.
 */
export async function bootContainer(root: string): Promise<Booted> {
  const machine = `dlbox-${process.pid}-${++counter}`;
  const nspawn = spawn(
    "systemd-nspawn",
    [
      "-D",
      root,
      "-b",
      "--register=no",
      "--keep-unit",
      "--volatile=overlay",
      "--console=pipe",
      "-M",
      machine,
      "--system-call-filter=fanotify_init fanotify_mark",
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SYSTEMD_LOG_COLOR: "0" } },
  );
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  nspawn.stdout!.on("data", keep);
  nspawn.stderr!.on("data", keep);
  let exited = false;
  nspawn.on("exit", () => (exited = true));
  let leader = 0;
  // While nspawn runs it has not reaped the leader, so neither PID can belong to anything else yet.
  const kill = () => {
    if (!exited) for (const pid of [leader, nspawn.pid ?? 0]) if (pid > 0) signal(pid, "SIGKILL");
    fs.rmSync(`/run/systemd/nspawn/propagate/${machine}`, { recursive: true, force: true });
  };
  const unregister = onProcessExit(kill);
  try {
    leader = await findLeader(nspawn, () => exited);
    await waitUntilRunning(leader, () => exited);
  } catch (err) {
    kill();
    unregister();
    throw new Error(`${(err as Error).message}\n--- nspawn output ---\n${output}`);
  }
  return {
    machine,
    leader,
    logs: () => output,
    stop: async () => {
      await shutDown(nspawn, () => exited);
      kill();
      unregister();
    },
  };
}

/**
 * The environment of a command in the box: a root shell's, not the test process's (which may carry
 * PYTHONDONTWRITEBYTECODE and other settings of the machine running the tests).
 */
const BOX_ENV = {
  PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
  HOME: "/root",
  LANG: "C.UTF-8",
};

/** Runs a command inside every namespace of the container (as its root). */
export function execIn(leader: number, argv: string[], input?: string): Promise<ExecResult> {
  return new Promise((resolve) => {
    const args = ["-t", String(leader), "-a", ...argv];
    const child = execFile(
      "nsenter",
      args,
      { maxBuffer: 64 << 20, env: { NODE_ENV: process.env.NODE_ENV, ...BOX_ENV } },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.on("error", () => {});
    child.stdin?.end(input ?? "");
  });
}

/** nspawn's child in the new PID namespace is the container's systemd; an intermediate child comes and goes first. */
async function findLeader(nspawn: ChildProcess, exited: () => boolean): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !exited()) {
    const children = read(`/proc/${nspawn.pid}/task/${nspawn.pid}/children`).trim().split(/\s+/).filter(Boolean);
    for (const pid of children) if (read(`/proc/${pid}/comm`).trim() === "systemd") return Number(pid);
    await sleep(50);
  }
  throw new Error(
    exited()
      ? "systemd-nspawn exited before the container's systemd started"
      : "no systemd in the container after 30 s",
  );
}

/** `systemctl is-system-running --wait`, retried while the container's D-Bus is not up yet. */
async function waitUntilRunning(leader: number, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 90_000;
  let last: ExecResult | null = null;
  while (Date.now() < deadline && !exited()) {
    last = await execIn(leader, ["systemctl", "is-system-running", "--wait"]);
    const state = last.stdout.trim();
    if (state === "running") return;
    if (state === "degraded") {
      const failed = await execIn(leader, ["systemctl", "--failed", "--no-legend", "--plain"]);
      throw new Error(`the container booted degraded; failed units:\n${failed.stdout}`);
    }
    await sleep(100);
  }
  throw new Error(`the container's systemd never reported "running": ${last?.stdout.trim()} ${last?.stderr.trim()}`);
}

/** SIGTERM makes nspawn ask the container's systemd for an orderly halt (SIGRTMIN+3). */
async function shutDown(nspawn: ChildProcess, exited: () => boolean): Promise<void> {
  if (exited()) return;
  nspawn.kill("SIGTERM");
  const deadline = Date.now() + 15_000;
  while (!exited() && Date.now() < deadline) await sleep(50);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function read(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}
