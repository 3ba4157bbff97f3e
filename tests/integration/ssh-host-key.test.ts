import { afterAll, beforeAll, expect, test } from "vitest";
import { createSshTransport, type HostKeyInfo, type SshOptions } from "@/lib/transport/ssh";
import { connectError, keyLogin, refusedHostKey } from "@/tests/support/ssh-login";
import { startSshd, type Sshd } from "@/tests/support/sshd";
import { readAll } from "@/tests/support/sshd/read-all";

let sshd: Sshd;

beforeAll(async () => {
  sshd = await startSshd();
});

afterAll(async () => {
  await sshd?.stop();
});

function options(pinnedHostKey: string | null, acceptNewHostKey: boolean, seen: HostKeyInfo[]): SshOptions {
  return { ...keyLogin(sshd), pinnedHostKey, acceptNewHostKey, onHostKey: (info) => seen.push(info) };
}

async function echoWorks(opts: SshOptions): Promise<void> {
  const transport = await createSshTransport(opts);
  const handle = await transport.exec("echo ok", {});
  expect((await readAll(handle.stdout)).toString()).toBe("ok\n");
  await handle.done;
  await transport.close();
}

/** sshd (LogLevel VERBOSE) logs every public-key attempt, accepted or failed, with "publickey". */
async function authAttempts(): Promise<number> {
  return (await sshd.settledLogs()).split("publickey").length - 1;
}

test("an unknown host key is refused without acceptance, naming the fingerprint ssh-keygen computes", async () => {
  const seen: HostKeyInfo[] = [];
  const before = await authAttempts();
  const err = await connectError(options(null, false, seen));
  expect(err.code).toBe("host-key-unknown");
  expect(err.details).toEqual(refusedHostKey("target", sshd));
  expect(err.message).toContain(sshd.hostKeyFingerprint);
  expect(err.message).toContain(`hosts trust NAME ${sshd.hostKeyFingerprint}`);
  expect(seen).toEqual([{ endpoint: "target", fingerprint: sshd.hostKeyFingerprint, accepted: false }]);
  expect(await authAttempts()).toBe(before);
});

test("an unknown host key is trusted when accepted, and reported so the caller can pin it", async () => {
  const seen: HostKeyInfo[] = [];
  await echoWorks(options(null, true, seen));
  expect(seen).toEqual([{ endpoint: "target", fingerprint: sshd.hostKeyFingerprint, accepted: true }]);
});

test("a pinned host key that matches connects, also when the pin was pasted with base64 padding", async () => {
  await echoWorks(options(sshd.hostKeyFingerprint, false, []));
  await echoWorks(options(`${sshd.hostKeyFingerprint}=`, false, []));
});

test("a changed host key is refused with both fingerprints, before any authentication", async () => {
  const pinned = sshd.hostKeyFingerprint;
  const presented = await sshd.restartWithNewHostKey();
  expect(presented).not.toBe(pinned);
  const before = await authAttempts();
  // Accepting new keys never overrides a pin that differs.
  for (const accept of [false, true]) {
    const seen: HostKeyInfo[] = [];
    const err = await connectError(options(pinned, accept, seen));
    expect(err.code).toBe("host-key-changed");
    expect(err.details).toEqual(refusedHostKey("target", sshd, { fingerprint: presented, pinned }));
    expect(err.message).toContain(pinned);
    expect(err.message).toContain(presented);
    expect(seen).toEqual([{ endpoint: "target", fingerprint: presented, accepted: false }]);
  }
  expect(await authAttempts()).toBe(before);
  await echoWorks(options(presented, false, []));
  // The count does see a login that gets that far.
  expect(await authAttempts()).toBeGreaterThan(before);
});
