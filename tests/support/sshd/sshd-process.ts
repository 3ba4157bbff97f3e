import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { freePort } from "./free-port";
import { sshdConfig } from "./sshd-config";
import { waitForBanner } from "./wait-for-banner";

export type SshdProcess = { port: number; child: ChildProcess; exited: Promise<void> };
export type SshdSpec = {
  dir: string;
  hostKeyPath: string;
  password: boolean;
  extra: string[];
  log: string[];
  silent: boolean;
  /**
   * A shell script run as root in a private mount namespace just before sshd starts there (unshare -m):
   * what it mounts is what every session sees, and nothing outside. The fault tests use it for a full
   * /tmp or a machine without python3.
   */
  namespace?: string;
};

// sshd runs in the background of a shell whose other job waits for EOF on our stdin pipe. Closing that
// pipe (stop(), or this process dying in any way) makes the shell kill sshd.
const WRAPPER = [
  "exec 3<&0",
  '/usr/sbin/sshd -D -e -f "$1" </dev/null & pid=$!',
  '( cat >/dev/null; kill "$pid" 2>/dev/null ) <&3 &',
  'wait "$pid"',
].join("\n");

/** Starts sshd on `port` and resolves once it has sent its SSH banner. */
export async function startSshdProcess(spec: SshdSpec, port: number): Promise<SshdProcess> {
  const configPath = path.join(spec.dir, `sshd_config`);
  await fs.writeFile(configPath, sshdConfig({ ...spec, port }));
  const argv = spec.namespace
    ? [
        "unshare",
        "-m",
        "--propagation",
        "private",
        "sh",
        "-c",
        `set -e\n${spec.namespace}\nexec sh -c "$1" sshd-wrapper "$2"`,
        "sshd-namespace",
        WRAPPER,
        configPath,
      ]
    : ["sh", "-c", WRAPPER, "sshd-wrapper", configPath];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ["pipe", "ignore", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stderr?.setEncoding("utf8").on("data", (text: string) => {
    spec.log.push(text);
    if (!spec.silent) process.stderr.write(`[sshd:${port}] ${text}`);
  });
  try {
    await waitForBanner(port, Date.now() + 15_000, () => child.exitCode === null && child.signalCode === null);
  } catch (err) {
    await stopSshdProcess({ port, child, exited });
    throw new Error(`${(err as Error).message}\n--- sshd log ---\n${spec.log.join("")}`);
  }
  return { port, child, exited };
}

/** Picks a free loopback port; retries when another process grabbed it between probe and bind. */
export async function startSshdOnFreePort(spec: SshdSpec): Promise<SshdProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await startSshdProcess(spec, port);
    } catch (err) {
      if (attempt >= 3 || !/Address already in use/.test(String(err))) throw err;
    }
  }
}

export async function stopSshdProcess(sshd: SshdProcess): Promise<void> {
  sshd.child.stdin?.end();
  await sshd.exited;
  // Per-connection sshd processes share the log pipe and live as long as their client does. Give
  // their last lines a moment, but do not wait for a connection a failed test left open.
  const { stderr } = sshd.child;
  if (!stderr || stderr.destroyed || stderr.readableEnded) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      stderr.destroy();
      resolve();
    }, 1_000);
    stderr.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
