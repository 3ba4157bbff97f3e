import net from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import type { SshOptions } from "@/lib/transport/ssh";
import { connectError } from "@/tests/support/ssh-login";
import { startSshd, type Sshd } from "@/tests/support/sshd";
import { freePort } from "@/tests/support/sshd/free-port";

let silent: net.Server;
let silentPort: number;
const held: net.Socket[] = [];
let jump: Sshd;

beforeAll(async () => {
  // Accepts TCP and then says nothing at all: the handshake can never start.
  silent = net.createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentPort = (silent.address() as net.AddressInfo).port;
  jump = await startSshd();
});

afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await jump?.stop();
});

function options(port: number, extra: Partial<SshOptions> = {}): SshOptions {
  return {
    host: "127.0.0.1",
    port,
    username: "nobody",
    auth: { type: "password", password: "unused" },
    pinnedHostKey: null,
    acceptNewHostKey: false,
    ...extra,
  };
}

test("a server that accepts TCP but never speaks fails as connect-timeout within the connect timeout", async () => {
  const started = Date.now();
  const err = await connectError(options(silentPort, { connectTimeoutMs: 1500 }));
  expect(err.code).toBe("connect-timeout");
  expect(err.message).toContain("1500 ms");
  expect(held.length).toBeGreaterThan(0);
  // Not a tight bound: only that the limit, not some OS default, ended the attempt.
  expect(Date.now() - started).toBeLessThan(10_000);
});

test("a closed port fails as connect-failed", async () => {
  const err = await connectError(options(await freePort()));
  expect(err.code).toBe("connect-failed");
  expect(err.message).toContain("ECONNREFUSED");
});

test("a silent target behind a working jump host fails as the target's connect-timeout", async () => {
  const jumpEndpoint = {
    host: jump.host,
    port: jump.port,
    username: jump.user,
    auth: { type: "key" as const, privateKey: jump.privateKey },
    pinnedHostKey: jump.hostKeyFingerprint,
    acceptNewHostKey: false,
  };
  const err = await connectError(options(silentPort, { connectTimeoutMs: 1500, jumps: [jumpEndpoint] }));
  expect(err.code).toBe("connect-timeout");
  expect(err.details.endpoint).toBe("target");
});
