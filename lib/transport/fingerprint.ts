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
