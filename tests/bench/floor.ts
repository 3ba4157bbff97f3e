import { keyLogin } from "../support/ssh-login";
import type { Sshd } from "../support/sshd";
import { createSshTransport } from "@/lib/transport/ssh";
import { shellQuote } from "./shell-quote";

/** `connectMs`: TCP, SSH handshake and authentication, the share every remote scan pays first. */
export type FloorRun = { ms: number; connectMs: number; lines: number; bytes: number };

/**
 * The command the floor runs: every entry with what a scan needs to know of it. Owners are numeric (`%U`), as
 * the collector reports them: `%u` looks each file's owner up by name, which made the floor 3.7× slower.
 */
export const floorCommand = (root: string) => `find ${shellQuote(root)} -printf '%p %s %T@ %m %U\\n'`;

/**
 * The least any remote scan can cost: one `find` over the same SSH server and the same ssh2 transport,
 * its stdout fully consumed. Timed like a snapshot: connect, run, read everything, close.
 */
export async function runFloor(sshd: Sshd, root: string): Promise<FloorRun> {
  const started = performance.now();
  const transport = await createSshTransport(keyLogin(sshd));
  const connectMs = performance.now() - started;
  let lines = 0;
  let bytes = 0;
  try {
    const handle = await transport.exec(floorCommand(root), {});
    for await (const chunk of handle.stdout) {
      const buffer = chunk as Buffer;
      bytes += buffer.length;
      for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) lines += 1;
    }
    const done = await handle.done;
    if (done.exitCode !== 0) throw new Error(`find exited with ${done.exitCode}: ${done.stderr}`);
  } finally {
    await transport.close();
  }
  return { ms: performance.now() - started, connectMs, lines, bytes };
}
