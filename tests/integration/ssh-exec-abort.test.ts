import { afterAll, beforeAll, expect, test } from "vitest";
import { createSshTransport } from "@/lib/transport/ssh";
import type { Transport } from "@/lib/transport/types";
import { pollUntil } from "@/tests/support/poll";
import { startSshd, type Sshd } from "@/tests/support/sshd";
import { readAll } from "@/tests/support/sshd/read-all";

const asRoot = process.getuid?.() === 0;
let sshd: Sshd;

beforeAll(async () => {
  // As root, a throwaway account provides the non-root login; otherwise we already are one.
  sshd = await startSshd({ password: asRoot });
});

afterAll(async () => {
  await sshd?.stop();
});

function connect(username: string): Promise<Transport> {
  return createSshTransport({
    host: sshd.host,
    port: sshd.port,
    username,
    auth: { type: "key", privateKey: sshd.privateKey },
    pinnedHostKey: sshd.hostKeyFingerprint,
    acceptNewHostKey: false,
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function firstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = "";
  for await (const chunk of stream) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  return text.split("\n")[0] ?? "";
}

/** Aborts `command` and waits for its process to end (the sshd runs on this machine, so its pid can be watched). */
async function abortAndWatch(transport: Transport, command: string): Promise<void> {
  const controller = new AbortController();
  const handle = await transport.exec(command, { signal: controller.signal });
  const pid = Number(await firstLine(handle.stdout));
  expect(isRunning(pid)).toBe(true);
  const reason = new Error("user cancelled");
  controller.abort(reason);
  await expect(handle.done).rejects.toBe(reason);
  await pollUntil(`the aborted command (pid ${pid}) to end`, () => (isRunning(pid) ? undefined : true), {
    timeoutMs: 5_000,
    intervalMs: 50,
  });
}

test("aborting rejects done with the reason and stops a command that keeps writing", async () => {
  const transport = await connect(sshd.user);
  const ticking = `python3 -c 'import os, time; print(os.getpid(), flush=True)
while True: print("tick", flush=True); time.sleep(0.05)'`;
  await abortAndWatch(transport, ticking);
  await transport.close();
});

test("aborting a non-root login delivers TERM, which stops even a silent command", async () => {
  const user = asRoot ? sshd.passwordLogin?.user : sshd.user;
  if (!user) throw new Error("the test sshd has no non-root account");
  const transport = await connect(user);
  await abortAndWatch(transport, "echo $$; exec sleep 60");
  await transport.close();
});

test("an exec whose signal is already aborted never starts, and the connection stays usable", async () => {
  const transport = await connect(sshd.user);
  const reason = new Error("too late");
  await expect(transport.exec("true", { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  const handle = await transport.exec("echo still here", {});
  expect((await readAll(handle.stdout)).toString()).toBe("still here\n");
  expect((await handle.done).exitCode).toBe(0);
  await transport.close();
});
