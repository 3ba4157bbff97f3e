import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/secrets/encrypt-secret";
import { SecretError } from "@/lib/secrets/secret-error";
import { secretKeyFile } from "@/lib/secrets/secret-key";

let dir: string;
const saved = { DATABASE_URL: process.env.DATABASE_URL, DEPLOYLENS_SECRET_KEY: process.env.DEPLOYLENS_SECRET_KEY };

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-secrets-"));
  // A data dir that does not exist yet, as on a fresh install.
  process.env.DATABASE_URL = `file:${path.join(dir, "data", "deploylens.db")}`;
  delete process.env.DEPLOYLENS_SECRET_KEY;
});

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test("without DEPLOYLENS_SECRET_KEY, the first use creates a 0600 key file next to the database", () => {
  const file = path.join(dir, "data", "secret.key");
  expect(secretKeyFile()).toBe(file);
  expect(fs.existsSync(file)).toBe(false);
  const envelope = encryptSecret("hunter2");
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64")).toHaveLength(32);
  const before = fs.readFileSync(file, "utf8");
  expect(decryptSecret(envelope)).toBe("hunter2");
  expect(fs.readFileSync(file, "utf8")).toBe(before);
});

test.each([0o644, 0o640, 0o604])("a key file with mode %o is refused with the chmod that fixes it", (mode) => {
  const envelope = encryptSecret("hunter2");
  fs.chmodSync(secretKeyFile(), mode);
  let err: unknown;
  try {
    decryptSecret(envelope);
  } catch (e) {
    err = e;
  }
  expect((err as SecretError).code).toBe("key-file-insecure");
  expect((err as SecretError).message).toContain(`chmod 600 ${secretKeyFile()}`);
  fs.chmodSync(secretKeyFile(), 0o600);
  expect(decryptSecret(envelope)).toBe("hunter2");
});

test("a replaced key file makes old secrets fail as wrong-key, not as garbage", () => {
  const envelope = encryptSecret("hunter2");
  fs.writeFileSync(secretKeyFile(), randomBytes(32).toString("base64"), { mode: 0o600 });
  expect(() => decryptSecret(envelope)).toThrow(expect.objectContaining({ code: "wrong-key" }));
});

test("a key file holding something else than a key is refused", () => {
  fs.mkdirSync(path.dirname(secretKeyFile()), { recursive: true });
  fs.writeFileSync(secretKeyFile(), "changeme\n", { mode: 0o600 });
  expect(() => encryptSecret("x")).toThrow(expect.objectContaining({ code: "bad-key" }));
});

test("DEPLOYLENS_SECRET_KEY takes precedence, and no key file is written then", () => {
  process.env.DEPLOYLENS_SECRET_KEY = randomBytes(32).toString("base64");
  expect(decryptSecret(encryptSecret("hunter2"))).toBe("hunter2");
  expect(fs.existsSync(secretKeyFile())).toBe(false);
  process.env.DEPLOYLENS_SECRET_KEY = "too short";
  expect(() => encryptSecret("x")).toThrow(expect.objectContaining({ code: "bad-key" }));
});

describe("DEPLOYLENS_SECRET_KEY_FILE", () => {
  let outside: string;
  beforeEach(() => {
    outside = path.join(dir, "keys", "deploylens.key");
    process.env.DEPLOYLENS_SECRET_KEY_FILE = outside;
  });
  afterEach(() => {
    delete process.env.DEPLOYLENS_SECRET_KEY_FILE;
  });

  test("names the key file: created 0600 there on first use, and none is written in the data folder", () => {
    expect(secretKeyFile()).toBe(outside);
    const envelope = encryptSecret("hunter2");
    expect(fs.statSync(outside).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(outside, "utf8").trim(), "base64")).toHaveLength(32);
    expect(fs.existsSync(path.join(dir, "data", "secret.key"))).toBe(false);
    expect(decryptSecret(envelope)).toBe("hunter2");
  });

  test("an existing key file there is used as it is", () => {
    const key = randomBytes(32);
    fs.mkdirSync(path.dirname(outside), { recursive: true });
    fs.writeFileSync(outside, `${key.toString("hex")}\n`, { mode: 0o600 });
    const envelope = encryptSecret("hunter2");
    expect(fs.readFileSync(outside, "utf8")).toBe(`${key.toString("hex")}\n`);
    // The same key from the environment opens what the file's key sealed.
    delete process.env.DEPLOYLENS_SECRET_KEY_FILE;
    process.env.DEPLOYLENS_SECRET_KEY = key.toString("base64");
    expect(decryptSecret(envelope)).toBe("hunter2");
  });

  test.each([0o644, 0o640, 0o604])("with mode %o it is refused with the chmod that fixes it", (mode) => {
    fs.mkdirSync(path.dirname(outside), { recursive: true });
    fs.writeFileSync(outside, randomBytes(32).toString("base64"), { mode });
    fs.chmodSync(outside, mode);
    expect(() => encryptSecret("x")).toThrow(
      expect.objectContaining({ code: "key-file-insecure", message: expect.stringContaining(`chmod 600 ${outside}`) }),
    );
  });

  test("a key file that is far too long is refused as not a key", () => {
    fs.mkdirSync(path.dirname(outside), { recursive: true });
    fs.writeFileSync(outside, "A".repeat(100_000), { mode: 0o600 });
    expect(() => encryptSecret("x")).toThrow(expect.objectContaining({ code: "bad-key" }));
  });
});
