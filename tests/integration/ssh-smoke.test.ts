import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSshTransport } from "@/lib/transport/ssh";
import { TransportError, type Transport } from "@/lib/transport/types";
import { keyLogin } from "@/tests/support/ssh-login";
import { startSshd, type Sshd } from "@/tests/support/sshd";
import { readAll } from "@/tests/support/sshd/read-all";

let sshd: Sshd;
let transport: Transport;

function connect(): Promise<Transport> {
  return createSshTransport(keyLogin(sshd));
}

beforeAll(async () => {
  sshd = await startSshd();
  transport = await connect();
});

afterAll(async () => {
  await transport?.close();
  await sshd?.stop();
});

test("a command without stdin runs on the real sshd and reports its output and exit code", async () => {
  const handle = await transport.exec(`python3 -c 'print(42)'`, {});
  const [stdout, result] = await Promise.all([readAll(handle.stdout), handle.done]);
  expect(stdout.toString()).toBe("42\n");
  expect(result).toEqual({ exitCode: 0, signal: null, stderr: "" });
});

test("program text sent on stdin is what python3 -I -B - runs", async () => {
  const program = "import sys\nprint(sys.flags.isolated, sys.dont_write_bytecode, sum(range(10)))\n";
  const handle = await transport.exec("python3 -I -B -", { stdin: program });
  const [stdout, result] = await Promise.all([readAll(handle.stdout), handle.done]);
  expect(stdout.toString()).toBe("1 True 45\n");
  expect(result.exitCode).toBe(0);
});

test("a failing command reports its exit code and its stderr", async () => {
  const handle = await transport.exec(`python3 -c 'import sys; sys.stderr.write("boom\\n"); sys.exit(3)'`, {});
  const [, result] = await Promise.all([readAll(handle.stdout), handle.done]);
  expect(result).toEqual({ exitCode: 3, signal: null, stderr: "boom\n" });
});

test("a connection that drops mid-command rejects done as connection-lost, and later execs fail as exec-failed", async () => {
  const doomed = await connect();
  const go = path.join(sshd.dir, `go-${Date.now()}`);
  // The shell's parent is this connection's sshd process: killing it is a dropped connection. It
  // waits for our go-file so that "started" has certainly reached us first.
  const command = `echo started; while [ ! -e '${go}' ]; do sleep 0.05; done; kill -9 $PPID; sleep 2`;
  const handle = await doomed.exec(command, {});
  const reader = handle.stdout[Symbol.asyncIterator]();
  expect(String((await reader.next()).value)).toBe("started\n");
  await fs.writeFile(go, "");
  const outcome: unknown = await handle.done.then(
    () => null,
    (e: unknown) => e,
  );
  expect(outcome).toBeInstanceOf(TransportError);
  expect((outcome as TransportError).code).toBe("connection-lost");
  expect((await reader.next()).done).toBe(true);
  await expect(doomed.exec("true", {})).rejects.toMatchObject({ code: "exec-failed" });
  await doomed.close();
});
