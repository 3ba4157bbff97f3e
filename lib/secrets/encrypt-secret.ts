import "server-only";
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { SecretError } from "./secret-error";
import { secretKey } from "./secret-key";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;

/**
 * A short, non-secret id of the key, stored in each envelope so that decrypting with another key
 * says "different key" instead of the same message as tampering.
 */
function keyId(key: Buffer): string {
  return createHmac("sha256", key).update("deploylens secret key id").digest().subarray(0, 6).toString("base64url");
}

/** AES-256-GCM with a random 12-byte IV: "v1:<key id>:<iv>:<tag>:<ciphertext>", all base64url. */
export function encryptSecret(plaintext: string): string {
  const key = secretKey();
  const kid = keyId(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  // The header is authenticated too, so neither version nor key id can be swapped unnoticed.
  cipher.setAAD(Buffer.from(`${VERSION}:${kid}`));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, kid, iv, cipher.getAuthTag(), ciphertext]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(":");
}

/** Reverses encryptSecret; any change to the envelope is an error, never garbage plaintext. */
export function decryptSecret(envelope: string): string {
  const parts = envelope.trim().split(":");
  const [version, kid, iv, tag, ciphertext] = parts;
  if (version !== VERSION) {
    throw new SecretError(
      "malformed-envelope",
      `Not a DeployLens ${VERSION} secret envelope (it starts "${String(version).slice(0, 8)}").`,
    );
  }
  if (parts.length !== 5 || !kid || !iv || !tag || ciphertext === undefined || !parts.every((p) => B64URL.test(p))) {
    throw new SecretError("malformed-envelope", "The secret envelope is damaged: it does not have the v1 layout.");
  }
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
    throw new SecretError("malformed-envelope", "The secret envelope is damaged: wrong IV or tag length.");
  }
  const key = secretKey();
  if (kid !== keyId(key)) {
    throw new SecretError(
      "wrong-key",
      `This secret was encrypted with a different key (key id ${kid}; the current key is ${keyId(key)}). ` +
        "Restore the DEPLOYLENS_SECRET_KEY or secret.key that was in use, or enter the credential again.",
    );
  }
  return open(key, kid, ivBytes, tagBytes, Buffer.from(ciphertext, "base64url"));
}

function open(key: Buffer, kid: string, iv: Buffer, tag: Buffer, ciphertext: Buffer): string {
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(`${VERSION}:${kid}`));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretError(
      "decrypt-failed",
      "The secret failed its integrity check: the stored value was altered or corrupted.",
    );
  }
}
