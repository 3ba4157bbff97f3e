import { expect, test } from "vitest";
import { sshConnectError } from "@/lib/transport/ssh-error";
import type { EndpointRole, SshEndpoint } from "@/lib/transport/ssh-options";
import { TransportError } from "@/lib/transport/types";

const endpoint: SshEndpoint = {
  host: "db.example",
  port: 2222,
  username: "deploy",
  auth: { type: "agent" },
  pinnedHostKey: null,
  acceptNewHostKey: false,
};

/** ssh2 reports failures as plain Errors tagged with a `level` (and sometimes a socket `code`). */
function ssh2Error(message: string, level: string, code?: string): Error {
  return Object.assign(new Error(message), { level, code });
}

test.each<[string, unknown, EndpointRole, string, Record<string, string>]>([
  [
    "a handshake timeout",
    ssh2Error("Timed out while waiting for handshake", "client-timeout"),
    "target",
    "connect-timeout",
    { endpoint: "target" },
  ],
  [
    "a refused connection",
    ssh2Error("connect ECONNREFUSED", "client-socket", "ECONNREFUSED"),
    "target",
    "connect-failed",
    { endpoint: "target" },
  ],
  [
    "an unknown name",
    ssh2Error("getaddrinfo ENOTFOUND", "client-dns", "ENOTFOUND"),
    "target",
    "connect-failed",
    { endpoint: "target" },
  ],
  [
    "exhausted auth methods",
    ssh2Error("All configured authentication methods failed", "client-authentication"),
    "target",
    "auth-failed",
    { endpoint: "target" },
  ],
  [
    "an agent failure",
    ssh2Error("Failed to connect to agent", "agent"),
    "target",
    "auth-failed",
    { endpoint: "target" },
  ],
  ["a protocol error", ssh2Error("Bad packet length", "protocol"), "target", "connect-failed", { endpoint: "target" }],
  [
    "a timeout at the jump",
    ssh2Error("Timed out while waiting for handshake", "client-timeout"),
    "jump",
    "jump-failed",
    { endpoint: "jump", cause: "connect-timeout" },
  ],
  [
    "auth failure at the jump",
    ssh2Error("All configured authentication methods failed", "client-authentication"),
    "jump",
    "jump-failed",
    { endpoint: "jump", cause: "auth-failed" },
  ],
  [
    "a host-key refusal at the jump",
    new TransportError("host-key-unknown", "x", { endpoint: "jump", fingerprint: "SHA256:a" }),
    "jump",
    "host-key-unknown",
    { endpoint: "jump", fingerprint: "SHA256:a" },
  ],
])("%s becomes the right code", (_name, err, role, code, details) => {
  const mapped = sshConnectError(err, endpoint, role, 1500);
  expect(mapped.code).toBe(code);
  expect(mapped.details).toEqual(details);
});

test("messages name the endpoint and, for timeouts, the limit", () => {
  const mapped = sshConnectError(ssh2Error("Timed out", "client-timeout"), endpoint, "target", 1500);
  expect(mapped.message).toContain("deploy@db.example:2222");
  expect(mapped.message).toContain("1500 ms");
});
