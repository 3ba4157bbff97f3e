import { randomBytes } from "node:crypto";
import { expect, test } from "vitest";
import { SecretError } from "@/lib/secrets/secret-error";
import { parseKey } from "@/lib/secrets/secret-key";

const key = randomBytes(32);

test.each([
  ["64 hex characters", key.toString("hex")],
  ["upper-case hex", key.toString("hex").toUpperCase()],
  ["base64", key.toString("base64")],
  ["base64url", key.toString("base64url")],
  ["a value with a trailing newline", `${key.toString("base64")}\n`],
])("a key given as %s is accepted", (_name, text) => {
  expect(parseKey(text, "DEPLOYLENS_SECRET_KEY").equals(key)).toBe(true);
});

test.each([
  ["31 bytes", randomBytes(31).toString("base64"), "31 bytes"],
  ["33 bytes of hex", randomBytes(33).toString("hex"), "bytes"],
  ["a passphrase", "correct horse battery staple", "neither hex nor base64"],
  ["an empty value", "", "neither hex nor base64"],
])("a key given as %s is refused with a clear message", (_name, text, says) => {
  let err: unknown;
  try {
    parseKey(text, "DEPLOYLENS_SECRET_KEY");
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SecretError);
  expect((err as SecretError).code).toBe("bad-key");
  expect((err as SecretError).message).toContain("DEPLOYLENS_SECRET_KEY");
  expect((err as SecretError).message).toContain(says);
});
