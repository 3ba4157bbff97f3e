import { afterAll, beforeAll, expect, test } from "vitest";
import { createSshTransport } from "@/lib/transport/ssh";
import type { Transport } from "@/lib/transport/types";
import { startSshd, type Sshd } from "@/tests/support/sshd";
import { readAll } from "@/tests/support/sshd/read-all";

let sshd: Sshd;
let transport: Transport;

beforeAll(async () => {
  sshd = await startSshd();
  transport = await createSshTransport({
    host: sshd.host,
    port: sshd.port,
    username: sshd.user,
    auth: { type: "key", privateKey: sshd.privateKey },
    pinnedHostKey: sshd.hostKeyFingerprint,
    acceptNewHostKey: false,
  });
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
