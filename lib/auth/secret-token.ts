import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe: session cookies, share links and the setup link. */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only this is stored: a database leak does not hand out working links or sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
