import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { fingerprintOf, keyTypeOf, sameFingerprint } from "@/lib/transport/fingerprint";

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "deploylens-fp-"));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

// ssh-keygen makes a real key each time: an RSA key takes seconds on a busy machine.
test.each([["ed25519"], ["ecdsa"], ["rsa"]])(
  "fingerprintOf a %s key blob equals ssh-keygen -lf, and keyTypeOf names the type the .pub line starts with",
  { timeout: 60_000 },
  (type) => {
    const keyPath = path.join(dir, type);
    execFileSync("ssh-keygen", ["-q", "-t", type, "-N", "", "-f", keyPath]);
    // The .pub line is "<type> <base64 wire blob> <comment>": the blob is what a server presents.
    const [pubType, pubBlob] = fs.readFileSync(`${keyPath}.pub`, "utf8").split(" ");
    const blob = Buffer.from(pubBlob ?? "", "base64");
    const truth = execFileSync("ssh-keygen", ["-l", "-E", "sha256", "-f", `${keyPath}.pub`], {
      encoding: "utf8",
    }).split(" ")[1];
    expect(fingerprintOf(blob)).toBe(truth);
    expect(keyTypeOf(blob)).toBe(pubType);
  },
);

test("keyTypeOf refuses a blob that does not start with a key type", () => {
  expect(keyTypeOf(Buffer.from([0, 0, 0, 200, 1, 2]))).toBeNull();
  expect(keyTypeOf(Buffer.from("\u0000\u0000\u0000\u0003<b>", "latin1"))).toBeNull();
});

test.each([
  ["the same fingerprint", "SHA256:abc", "SHA256:abc", true],
  ["a pin pasted with padding", "SHA256:abc=", "SHA256:abc", true],
  ["a pin pasted with surrounding blanks", " SHA256:abc\n", "SHA256:abc", true],
  ["another fingerprint", "SHA256:abd", "SHA256:abc", false],
  ["an MD5-style pin", "MD5:ab:cd", "SHA256:abc", false],
])("sameFingerprint: %s", (_name, pinned, presented, same) => {
  expect(sameFingerprint(pinned, presented)).toBe(same);
});
