import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { onProcessExit } from "./exit-cleanup";
import { run } from "./run";

export type SshAgent = { socket: string; add(privateKeyPath: string): Promise<void>; stop(): Promise<void> };

/** A real ssh-agent (foreground, `-D`) listening on a socket in `dir`, killed at exit at the latest. */
export async function startSshAgent(dir: string, name = "agent.sock"): Promise<SshAgent> {
  const socket = path.join(dir, name);
  const agent = spawn("ssh-agent", ["-D", "-a", socket], { stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise<void>((resolve) => agent.once("exit", () => resolve()));
  const unregister = onProcessExit(() => agent.kill("SIGKILL"));
  const deadline = Date.now() + 10_000;
  while (!(await fs.stat(socket).catch(() => null))) {
    if (agent.exitCode !== null || Date.now() > deadline) throw new Error("ssh-agent did not create its socket");
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    socket,
    add: async (privateKeyPath) => {
      await run("ssh-add", [privateKeyPath], { env: { ...process.env, SSH_AUTH_SOCK: socket } });
    },
    stop: async () => {
      unregister();
      agent.kill("SIGTERM");
      await exited;
    },
  };
}
