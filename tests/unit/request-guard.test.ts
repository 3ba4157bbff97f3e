import { expect, test } from "vitest";
import { checkRequest, guardInputOf, type GuardInput } from "@/lib/auth/request-guard";

const env = { PORT: "3000", DEPLOYLENS_ORIGINS: "https://lens.example.com" };
const base: GuardInput = { method: "GET", host: "127.0.0.1:3000", origin: null, secFetchSite: null, contentType: null };
const write: GuardInput = { ...base, method: "POST", origin: "http://127.0.0.1:3000", contentType: "application/json" };

test.each<[string, GuardInput, number | null]>([
  ["a loopback read", base, null],
  ["localhost with the server's port", { ...base, host: "localhost:3000" }, null],
  ["IPv6 loopback", { ...base, host: "[::1]:3000" }, null],
  ["a configured origin", { ...base, host: "lens.example.com" }, null],
  ["a rebinding host name", { ...base, host: "evil.example:3000" }, 421],
  ["loopback on another port", { ...base, host: "127.0.0.1:4000" }, 421],
  ["no Host at all", { ...base, host: null }, 421],
  ["a same-origin JSON write", write, null],
  ["a JSON write with charset", { ...write, contentType: "application/json; charset=utf-8" }, null],
  ["a write from another site", { ...write, origin: "https://evil.example" }, 403],
  ["a write whose Origin is a different allowed origin", { ...write, origin: "http://localhost:3000" }, 403],
  ["a write with neither Origin nor Sec-Fetch-Site", { ...write, origin: null }, 403],
  ["a write with Sec-Fetch-Site same-origin", { ...write, origin: null, secFetchSite: "same-origin" }, null],
  ["a write with Sec-Fetch-Site none (typed URL)", { ...write, origin: null, secFetchSite: "none" }, null],
  ["a write with Sec-Fetch-Site cross-site", { ...write, origin: null, secFetchSite: "cross-site" }, 403],
  ["a text/plain write (no preflight)", { ...write, contentType: "text/plain" }, 415],
  ["a form write", { ...write, contentType: "application/x-www-form-urlencoded" }, 415],
  ["a DELETE without a type", { ...write, method: "DELETE", contentType: null }, 415],
  [
    "a same-origin server action (a form post)",
    { ...write, contentType: "multipart/form-data", serverAction: true },
    null,
  ],
  [
    "a cross-site server action",
    { ...write, origin: "https://evil.example", contentType: "multipart/form-data", serverAction: true },
    403,
  ],
])("%s", (_name, input, status) => {
  expect(checkRequest(input, env)?.status ?? null).toBe(status);
});

test.each<[string, string, boolean]>([
  ["a page path", "http://127.0.0.1:3000/settings", true],
  ["an API path", "http://127.0.0.1:3000/api/hosts", false],
  ["the API root", "http://127.0.0.1:3000/api", false],
  ["a path that only starts like the API", "http://127.0.0.1:3000/apiary", true],
])("a Next-Action header on %s counts as a server action: %s", (_name, url, expected) => {
  const req = new Request(url, { method: "POST", headers: { "next-action": "x", "content-type": "text/plain" } });
  expect(guardInputOf(req).serverAction).toBe(expected);
  if (!expected)
    expect(
      checkRequest({ ...guardInputOf(req), host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" }, env)?.status,
    ).toBe(415);
});
