import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Sshd } from "../support/sshd";
import { shellQuote } from "./shell-quote";

export type AnsibleRun = { ms: number; matched: number; bytes: number };
export type AnsibleSetup = { available: true; version: string } | { available: false; reason: string };

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;

/** Ansible is there, or (root with apt-get, unless told not to) gets Debian's ansible-core. */
export function ensureAnsible(mayInstall: boolean, log: (line: string) => void): AnsibleSetup {
  if (!has("ansible")) {
    if (!mayInstall) return { available: false, reason: "ansible is not installed (smoke mode does not install it)" };
    if (process.getuid?.() !== 0 || !has("apt-get")) {
      return { available: false, reason: "ansible is not installed; run: sudo apt-get install -y ansible-core" };
    }
    log("installing ansible-core with apt-get …");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    const result = spawnSync("sh", ["-c", "apt-get update && apt-get install -y ansible-core"], {
      stdio: "inherit",
      env,
    });
    if (result.status !== 0 || !has("ansible"))
      return { available: false, reason: "apt-get install -y ansible-core failed" };
  }
  const version = spawnSync("ansible", ["--version"], { encoding: "utf8" }).stdout.split("\n")[0] ?? "ansible";
  return { available: true, version: version.trim() };
}

/** argv of the comparison: Ansible's find module over SSH on the same tree, one-line output. */
export function ansibleArgs(sshd: Sshd, root: string, python: string): string[] {
  return [
    "all",
    "-i",
    "127.0.0.1,",
    "-e",
    `ansible_port=${sshd.port}`,
    "-e",
    `ansible_python_interpreter=${python}`,
    "-u",
    sshd.user,
    "--private-key",
    sshd.privateKeyPath,
    "-m",
    "ansible.builtin.find",
    "-a",
    `paths=${root} recurse=yes file_type=any`,
    "-o",
  ];
}

/** The reproducible command line for RESULTS.md (paths of this run replaced by placeholders by the caller). */
export const ansibleCommandLine = (args: string[]) =>
  `ANSIBLE_HOST_KEY_CHECKING=False ansible ${args.map(shellQuote).join(" ")}`;

/**
 * One Ansible run, timed from spawn to exit, its output counted rather than kept (it is ~1 KB per file).
 * Ansible's defaults otherwise (ControlMaster/ControlPersist within the run, no pipelining); its state
 * goes to a temp dir.
 */
export async function runAnsible(args: string[]): Promise<AnsibleRun> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-bench-ansible-"));
  const env = {
    ...process.env,
    ANSIBLE_HOST_KEY_CHECKING: "False",
    ANSIBLE_HOME: home,
    ANSIBLE_LOCAL_TEMP: path.join(home, "local"),
    ANSIBLE_REMOTE_TMP: path.join(home, "remote"),
    ANSIBLE_SSH_CONTROL_PATH_DIR: path.join(home, "cp"),
    ANSIBLE_NOCOLOR: "1",
  };
  try {
    return await timedAnsible(args, env);
  } finally {
    endControlMasters(path.join(home, "cp"));
    fs.rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Each run starts cold, as a snapshot does; and a lingering ControlPersist master would hold an sshd
 * session (and our sshd's log pipe) open for another 60 s.
 */
function endControlMasters(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const socket of fs.readdirSync(dir)) {
    spawnSync("ssh", ["-S", path.join(dir, socket), "-O", "exit", "127.0.0.1"], { stdio: "ignore", timeout: 10_000 });
  }
}

function timedAnsible(args: string[], env: NodeJS.ProcessEnv): Promise<AnsibleRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("ansible", args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let bytes = 0;
    let tail = "";
    let matched = -1;
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      // Keep a little of the previous chunk so a key split across chunks is still found.
      const text = tail + chunk.toString("latin1");
      const found = /"matched": (\d+)/.exec(text);
      if (found) matched = Number(found[1]);
      tail = text.slice(-64);
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - started;
      if (code !== 0 || matched < 0) reject(new Error(`ansible exited with ${code} (matched ${matched}): ${stderr}`));
      else resolve({ ms, matched, bytes });
    });
  });
}
