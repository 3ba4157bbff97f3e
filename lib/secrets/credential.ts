import "server-only";
import { z } from "zod";
import { decryptSecret, encryptSecret } from "./encrypt-secret";
import { SecretError } from "./secret-error";

/** A stored SSH credential: a password, or a private key with an optional passphrase. */
export const storedCredentialSchema = z
  .strictObject({
    password: z.string().min(1).optional(),
    privateKey: z.string().min(1).optional(),
    passphrase: z.string().min(1).optional(),
  })
  .refine((c) => (c.password === undefined) !== (c.privateKey === undefined), {
    message: "a stored credential holds either a password or a private key",
  })
  .refine((c) => c.passphrase === undefined || c.privateKey !== undefined, {
    message: "a passphrase only goes with a private key",
    path: ["passphrase"],
  });

export type StoredCredential = z.infer<typeof storedCredentialSchema>;

/** Validates and encrypts a credential for the database (Host.secretCipher). */
export function sealCredential(credential: StoredCredential): string {
  return encryptSecret(JSON.stringify(storedCredentialSchema.parse(credential)));
}

/** Decrypts and re-validates a sealed credential. */
export function openCredential(envelope: string): StoredCredential {
  const text = decryptSecret(envelope);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SecretError("invalid-credential", "The decrypted credential is not JSON.");
  }
  const parsed = storedCredentialSchema.safeParse(value);
  if (!parsed.success)
    throw new SecretError(
      "invalid-credential",
      `The decrypted credential is invalid: ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}
