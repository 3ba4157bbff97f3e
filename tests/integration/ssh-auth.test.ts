import { afterAll, beforeAll, expect, test } from "vitest";
import { createSshTransport, type SshAuth } from "@/lib/transport/ssh";
import { TransportError } from "@/lib/transport/types";
import { startSshd, type Sshd } from "@/tests/support/sshd";
import { keygen } from "@/tests/support/sshd/keygen";
import { readAll } from "@/tests/support/sshd/read-all";
import { startSshAgent, type SshAgent } from "@/tests/support/sshd/ssh-agent";

const asRoot = process.getuid?.() === 0;
let sshd: Sshd;
let agent: SshAgent;

beforeAll(async () => {
  // Password login needs an account whose password we know; only root can make one (see sshd.ts).
  sshd = await startSshd({ password: asRoot });
  agent = await startSshAgent(sshd.dir);
});

afterAll(async () => {
  await agent?.stop();
  await sshd?.stop();
});

async function whoami(auth: SshAuth, username = sshd.user): Promise<string> {
  const transport = await createSshTransport({
    host: sshd.host,
    port: sshd.port,
    username,
    auth,
    pinnedHostKey: sshd.hostKeyFingerprint,
    acceptNewHostKey: false,
  });
  try {
    const handle = await transport.exec("id -un", {});
    const [out] = await Promise.all([readAll(handle.stdout), handle.done]);
    return out.toString().trim();
  } finally {
    await transport.close();
  }
}

async function authError(auth: SshAuth, username = sshd.user): Promise<TransportError> {
  const err: unknown = await whoami(auth, username).then(
    () => new Error("logged in, but should not have"),
    (e: unknown) => e,
  );
  if (!(err instanceof TransportError)) throw err;
  return err;
}

test("an authorized private key logs in", async () => {
  expect(await whoami({ type: "key", privateKey: sshd.privateKey })).toBe(sshd.user);
});

test("a passphrase-protected key logs in with its passphrase and fails clearly without it", async () => {
  const key = await keygen(sshd.dir, "protected", "correct horse");
  await sshd.authorizeKey(key.publicKey);
  expect(await whoami({ type: "key", privateKey: key.privateKey, passphrase: "correct horse" })).toBe(sshd.user);
  const missing = await authError({ type: "key", privateKey: key.privateKey });
  expect([missing.code, missing.message]).toEqual(["key-passphrase-missing", expect.stringContaining("no passphrase")]);
  const wrong = await authError({ type: "key", privateKey: Buffer.from(key.privateKey), passphrase: "wrong" });
  expect([wrong.code, wrong.message]).toEqual(["key-passphrase-wrong", expect.stringContaining("passphrase")]);
});

test("a key the server does not list is refused as auth-failed", async () => {
  const stranger = await keygen(sshd.dir, "stranger");
  const err = await authError({ type: "key", privateKey: stranger.privateKey });
  expect(err.code).toBe("auth-failed");
  expect(err.message).toContain(sshd.user);
});

test("a real ssh-agent holding an authorized key logs in, via its socket or SSH_AUTH_SOCK", async () => {
  const key = await keygen(sshd.dir, "agent-key");
  await sshd.authorizeKey(key.publicKey);
  await agent.add(key.privateKeyPath);
  expect(await whoami({ type: "agent", socket: agent.socket })).toBe(sshd.user);
  const saved = process.env.SSH_AUTH_SOCK;
  process.env.SSH_AUTH_SOCK = agent.socket;
  try {
    expect(await whoami({ type: "agent" })).toBe(sshd.user);
  } finally {
    if (saved === undefined) delete process.env.SSH_AUTH_SOCK;
    else process.env.SSH_AUTH_SOCK = saved;
  }
});

test("agent authentication without SSH_AUTH_SOCK fails with an explanation, not a crash", async () => {
  const saved = process.env.SSH_AUTH_SOCK;
  delete process.env.SSH_AUTH_SOCK;
  try {
    const err = await authError({ type: "agent" });
    expect([err.code, err.message]).toEqual(["auth-failed", expect.stringContaining("SSH_AUTH_SOCK")]);
  } finally {
    if (saved !== undefined) process.env.SSH_AUTH_SOCK = saved;
  }
});

test("an agent whose keys the server does not list is refused as auth-failed", async () => {
  const lonely = await startSshAgent(sshd.dir, "lonely-agent.sock");
  try {
    const stranger = await keygen(sshd.dir, "agent-stranger");
    await lonely.add(stranger.privateKeyPath);
    expect((await authError({ type: "agent", socket: lonely.socket })).code).toBe("auth-failed");
  } finally {
    await lonely.stop();
  }
});

test.skipIf(!asRoot)("a password logs in the throwaway account, and a wrong one is auth-failed", async () => {
  const login = sshd.passwordLogin;
  if (!login) throw new Error("startSshd({ password: true }) made no account");
  expect(await whoami({ type: "password", password: login.password }, login.user)).toBe(login.user);
  const err = await authError({ type: "password", password: `${login.password}x` }, login.user);
  expect(err.code).toBe("auth-failed");
});
