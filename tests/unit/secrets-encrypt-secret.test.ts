import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, expect, test } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/secrets/encrypt-secret";
import { SecretError } from "@/lib/secrets/secret-error";

let saved: string | undefined;

beforeEach(() => {
  saved = process.env.DEPLOYLENS_SECRET_KEY;
  process.env.DEPLOYLENS_SECRET_KEY = randomBytes(32).toString("hex");
});

afterEach(() => {
  if (saved === undefined) delete process.env.DEPLOYLENS_SECRET_KEY;
  else process.env.DEPLOYLENS_SECRET_KEY = saved;
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof SecretError) return err.code;
    throw err;
  }
  throw new Error("no error thrown");
}

test.each([
  ["an empty string", ""],
  ["a password", "hunter2"],
  ["unicode", "pässwörd ✓ 🔑"],
  ["a private key", `-----BEGIN OPENSSH PRIVATE KEY-----\n${"A".repeat(4000)}\n-----END OPENSSH PRIVATE KEY-----\n`],
])("%s survives the round trip", (_name, plaintext) => {
  expect(decryptSecret(encryptSecret(plaintext))).toBe(plaintext);
});

test("the envelope is versioned, never contains the plaintext, and differs each time (random IV)", () => {
  const a = encryptSecret("hunter2");
  const b = encryptSecret("hunter2");
  expect(a).toMatch(/^v1:[\w-]+:[\w-]{16}:[\w-]{22}:[\w-]*$/);
  expect(a).not.toContain("hunter2");
  expect(a).not.toBe(b);
});

/** Flips one character of part `index` of the envelope to another valid base64url character. */
function tamper(envelope: string, index: number): string {
  const parts = envelope.split(":");
  const part = parts[index] ?? "";
  const pos = Math.floor(part.length / 2);
  const swapped = part[pos] === "A" ? "B" : "A";
  parts[index] = part.slice(0, pos) + swapped + part.slice(pos + 1);
  return parts.join(":");
}

test.each([
  ["the IV", 2, "decrypt-failed"],
  ["the tag", 3, "decrypt-failed"],
  ["the ciphertext", 4, "decrypt-failed"],
  ["the key id", 1, "wrong-key"],
])("changing %s is an error, never garbage", (_name, index, code) => {
  const envelope = encryptSecret("a long enough secret to tamper with");
  expect(codeOf(() => decryptSecret(tamper(envelope, index)))).toBe(code);
});

test.each([
  ["garbage", "not an envelope"],
  ["an unknown version", "v2:a:b:c:d"],
  ["a missing part", "v1:abc:def:ghi"],
  ["a non-base64url character", "v1:abcdefgh:AAAAAAAAAAAAAAAA:AAAAAAAAAAAAAAAAAAAAAA:a+b"],
  ["a short IV", "v1:abcdefgh:AAAA:AAAAAAAAAAAAAAAAAAAAAA:abcd"],
])("%s is rejected as malformed", (_name, envelope) => {
  expect(codeOf(() => decryptSecret(envelope))).toBe("malformed-envelope");
});

test("a secret sealed under one key cannot be opened with another", () => {
  const envelope = encryptSecret("hunter2");
  process.env.DEPLOYLENS_SECRET_KEY = randomBytes(32).toString("base64");
  expect(codeOf(() => decryptSecret(envelope))).toBe("wrong-key");
});
