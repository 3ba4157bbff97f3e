import { createHash } from "node:crypto";

/**
 * The OpenSSH fingerprint of a public key blob (the SSH wire encoding ssh2 hands to hostVerifier):
 * "SHA256:" + unpadded base64 of its SHA-256, exactly what `ssh-keygen -lf` prints.
 */
export function fingerprintOf(key: Buffer): string {
  const digest = createHash("sha256").update(key).digest("base64");
  return `SHA256:${digest.replace(/=+$/, "")}`;
}

/** Pins may have been pasted with base64 padding; compare without it. */
export function sameFingerprint(pinned: string, presented: string): boolean {
  return pinned.trim().replace(/=+$/, "") === presented;
}

/**
 * The key type a public key blob names (its first SSH-wire field: "ssh-ed25519", "ecdsa-sha2-nistp256",
 * "ssh-rsa"), or null when the blob does not start with a plausible one. It is what `ssh-keygen -l` shows
 * in parentheses, and it names the server file to compare with.
 */
export function keyTypeOf(key: Buffer): string | null {
  if (key.length < 4) return null;
  const length = key.readUInt32BE(0);
  if (length < 1 || length > 64 || key.length < 4 + length) return null;
  const type = key.subarray(4, 4 + length).toString("latin1");
  return /^[a-z0-9@.-]+$/.test(type) ? type : null;
}
