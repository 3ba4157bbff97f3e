import { randomBytes } from "node:crypto";
import { beforeAll, expect, test } from "vitest";
import { openCredential, sealCredential, type StoredCredential } from "@/lib/secrets/credential";
import { encryptSecret } from "@/lib/secrets/encrypt-secret";
import { SecretError } from "@/lib/secrets/secret-error";

beforeAll(() => {
  // Each test file runs in its own worker, so this does not leak into other files.
  process.env.DEPLOYLENS_SECRET_KEY = randomBytes(32).toString("hex");
});

test.each<[string, StoredCredential]>([
  ["a password", { password: "hunter2" }],
  ["a private key", { privateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n" }],
  ["a private key with its passphrase", { privateKey: "KEY", passphrase: "correct horse" }],
])("%s is sealed and opened unchanged", (_name, credential) => {
  const sealed = sealCredential(credential);
  expect(sealed.startsWith("v1:")).toBe(true);
  expect(openCredential(sealed)).toEqual(credential);
});

test.each<[string, unknown]>([
  ["nothing", {}],
  ["both a password and a key", { password: "a", privateKey: "b" }],
  ["a passphrase with a password", { password: "a", passphrase: "b" }],
  ["an unknown field", { password: "a", user: "root" }],
  ["an empty password", { password: "" }],
])("a credential with %s is refused before encryption", (_name, credential) => {
  expect(() => sealCredential(credential as StoredCredential)).toThrow();
});

test("an envelope that decrypts to something other than a credential is refused", () => {
  for (const text of ["not json", JSON.stringify({ token: "x" })]) {
    let err: unknown;
    try {
      openCredential(encryptSecret(text));
    } catch (e) {
      err = e;
    }
    expect((err as SecretError).code).toBe("invalid-credential");
  }
});
