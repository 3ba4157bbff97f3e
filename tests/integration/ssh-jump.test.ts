import { afterAll, beforeAll, expect, test } from "vitest";
import { createSshTransport, type HostKeyInfo, type SshEndpoint, type SshOptions } from "@/lib/transport/ssh";
import { connectError, keyLogin, refusedHostKey } from "@/tests/support/ssh-login";
import { startSshd, type Sshd } from "@/tests/support/sshd";
import { freePort } from "@/tests/support/sshd/free-port";
import { keygen } from "@/tests/support/sshd/keygen";
import { readAll } from "@/tests/support/sshd/read-all";

let jump: Sshd;
let target: Sshd;

beforeAll(async () => {
  // DEBUG1 makes the jump log each direct-tcpip request, the evidence that traffic went through it.
  [jump, target] = await Promise.all([startSshd({ config: ["LogLevel DEBUG1"] }), startSshd()]);
});

afterAll(async () => {
  await Promise.all([jump?.stop(), target?.stop()]);
});

function endpoint(sshd: Sshd, pinnedHostKey: string | null = sshd.hostKeyFingerprint): SshEndpoint {
  return { ...keyLogin(sshd), pinnedHostKey };
}

const connectionsTo = async (sshd: Sshd) => (await sshd.settledLogs()).split("Connection from").length - 1;

test("the target is reached through the jump host's forwardOut, with both host keys checked", async () => {
  const seen: HostKeyInfo[] = [];
  const transport = await createSshTransport({
    ...endpoint(target),
    jumps: [endpoint(jump)],
    onHostKey: (i) => seen.push(i),
  });
  const handle = await transport.exec("echo via jump", {});
  expect((await readAll(handle.stdout)).toString()).toBe("via jump\n");
  expect((await handle.done).exitCode).toBe(0);
  await transport.close();
  expect(await jump.settledLogs()).toMatch(
    new RegExp(`server_request_direct_tcpip: .*target 127\\.0\\.0\\.1 port ${target.port}\\b`),
  );
  expect(seen).toEqual([
    { endpoint: "jump", fingerprint: jump.hostKeyFingerprint, accepted: true },
    { endpoint: "target", fingerprint: target.hostKeyFingerprint, accepted: true },
  ]);
});

test("short commands through the tunnel all report their exit codes", async () => {
  // Through a tunnel, a short command's reply, output, exit-status and close can arrive in one
  // chunk; the exit code must not be lost to that.
  const transport = await createSshTransport({ ...endpoint(target), jumps: [endpoint(jump)] });
  const codes: (number | null)[] = [];
  for (let i = 0; i < 20; i++) {
    const handle = await transport.exec(`echo ${i}; exit ${i % 3}`, {});
    const [out, result] = await Promise.all([readAll(handle.stdout), handle.done]);
    expect(out.toString()).toBe(`${i}\n`);
    codes.push(result.exitCode);
  }
  await transport.close();
  expect(codes).toEqual(Array.from({ length: 20 }, (_, i) => i % 3));
});

test("a changed jump host key is refused before the target is contacted", async () => {
  const before = await connectionsTo(target);
  const err = await connectError({ ...endpoint(target), jumps: [endpoint(jump, target.hostKeyFingerprint)] });
  expect(err.code).toBe("host-key-changed");
  expect(err.details).toEqual(refusedHostKey("jump", jump, { pinned: target.hostKeyFingerprint }));
  expect(await connectionsTo(target)).toBe(before);
});

test("the target's own pin is enforced behind an accepted jump host", async () => {
  const seen: HostKeyInfo[] = [];
  const err = await connectError({
    ...endpoint(target, null),
    jumps: [endpoint(jump)],
    onHostKey: (i) => seen.push(i),
  });
  expect(err.code).toBe("host-key-unknown");
  expect(err.details).toEqual(refusedHostKey("target", target));
  expect(seen.map((i) => [i.endpoint, i.accepted])).toEqual([
    ["jump", true],
    ["target", false],
  ]);
});

test("a jump host that refuses our key fails as jump-failed, caused by auth-failed", async () => {
  const stranger = await keygen(jump.dir, `stranger-${Date.now()}`);
  const err = await connectError({
    ...endpoint(target),
    jumps: [{ ...endpoint(jump), auth: { type: "key", privateKey: stranger.privateKey } }],
  });
  expect(err.code).toBe("jump-failed");
  expect(err.details).toMatchObject({ endpoint: "jump", cause: "auth-failed" });
});

test("an unreachable jump host fails as jump-failed, caused by connect-failed", async () => {
  const closed = await freePort();
  const err = await connectError({ ...endpoint(target), jumps: [{ ...endpoint(jump), port: closed }] });
  expect(err.code).toBe("jump-failed");
  expect(err.details).toMatchObject({ endpoint: "jump", cause: "connect-failed" });
});

test("a target the jump host cannot reach fails as jump-failed naming the target", async () => {
  const closed = await freePort();
  const err = await connectError({ ...endpoint(target), port: closed, jumps: [endpoint(jump)] });
  expect(err.code).toBe("jump-failed");
  expect(err.message).toContain(`127.0.0.1:${closed}`);
});
