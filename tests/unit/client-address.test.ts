import { afterEach, beforeEach, expect, test } from "vitest";
import { clientAddress, PEER_HEADER } from "@/lib/auth/client-address";
import { trustedProxies, validAddress } from "@/lib/auth/trusted-proxies";

const MARK = Symbol.for("deploylens.peer-header");
const marked = globalThis as Record<symbol, unknown>;
beforeEach(() => {
  marked[MARK] = true;
});
afterEach(() => {
  delete marked[MARK];
});

const request = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/api/session", { headers });
const TRUSTED = { DEPLOYLENS_TRUSTED_PROXIES: "10.0.0.0/8, 127.0.0.1, fd00::/8" };

test.each<[string, Record<string, string>, Record<string, string>, string | null]>([
  ["the peer, with no proxy trusted", { [PEER_HEADER]: "192.0.2.1" }, {}, "192.0.2.1"],
  [
    "the peer, whatever X-Forwarded-For says",
    { [PEER_HEADER]: "192.0.2.1", "x-forwarded-for": "198.51.100.1" },
    {},
    "192.0.2.1",
  ],
  ["an IPv4-mapped peer as IPv4", { [PEER_HEADER]: "::ffff:127.0.0.1" }, {}, "127.0.0.1"],
  [
    "an untrusted peer, even with proxies trusted",
    { [PEER_HEADER]: "192.0.2.1", "x-forwarded-for": "198.51.100.1" },
    TRUSTED,
    "192.0.2.1",
  ],
  [
    "a trusted peer's forwarded address",
    { [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "198.51.100.1" },
    TRUSTED,
    "198.51.100.1",
  ],
  [
    "past a chain of trusted proxies",
    { [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "6.6.6.6, 198.51.100.1, 10.1.1.1" },
    TRUSTED,
    "198.51.100.1",
  ],
  ["the proxy itself when it forwarded nothing", { [PEER_HEADER]: "127.0.0.1" }, TRUSTED, "127.0.0.1"],
  [
    "the last vouched-for hop when an entry is not an address",
    { [PEER_HEADER]: "127.0.0.1", "x-forwarded-for": "198.51.100.1, <svg onload=alert(1)>, 10.1.1.1" },
    TRUSTED,
    "10.1.1.1",
  ],
  [
    "an IPv6 caller behind an IPv6 proxy",
    { [PEER_HEADER]: "fd00::1", "x-forwarded-for": "2001:db8::7" },
    TRUSTED,
    "2001:db8::7",
  ],
  ["nothing when the peer header is not an address", { [PEER_HEADER]: "<svg>" }, {}, null],
  ["nothing without the peer header", { "x-forwarded-for": "198.51.100.1" }, TRUSTED, null],
])("%s", (_name, headers, env, expected) => {
  expect(clientAddress(request(headers), env)).toBe(expected);
});

test("the peer header is not read in a process the DeployLens server did not mark", () => {
  delete marked[MARK];
  expect(clientAddress(request({ [PEER_HEADER]: "192.0.2.1" }), {})).toBeNull();
});

test("a trusted-proxy entry that is neither an address nor a range is an error, not silently ignored", () => {
  for (const bad of ["10.0.0.0/33", "proxy.local", "10.0.0.1/8/1", "fd00::/129"])
    expect(() => trustedProxies(bad), bad).toThrow(/DEPLOYLENS_TRUSTED_PROXIES/);
  expect(() => trustedProxies(" 10.0.0.0/8 , ::1 ,")).not.toThrow();
});

test.each([
  ["10.0.0.1", "10.0.0.1"],
  [" 2001:DB8::1 ", "2001:db8::1"],
  ["10.0.0.1:443", null],
  ["[::1]", null],
  ["", null],
])("validAddress(%j) is %j", (text, expected) => {
  expect(validAddress(text)).toBe(expected);
});
